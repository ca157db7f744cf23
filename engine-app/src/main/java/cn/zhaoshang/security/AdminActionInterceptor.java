package cn.zhaoshang.security;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.HasDbRevision;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;

/**
 * Administrators' changes to users, groups, memberships, authorizations and deployments, at the engine: the Camunda
 * Admin webapp, {@code /engine-rest} and the Java API all end in these commands. Runs inside the command's transaction
 * (after Camunda's transaction and command-context interceptors):
 * <ul>
 * <li>before the command: the administrators groups keep a member ({@link AdminGroups}); a refusal is audited on its
 * own and answered 409;</li>
 * <li>after it succeeded: one audit row, in the same transaction, so a change that rolls back leaves no row.</li>
 * </ul>
 * Deployments are audited by the deployers ({@link DeploymentAudit}, {@link DeploymentGuard}).
 */
class AdminActionInterceptor extends CommandInterceptor {

    private final AdminGroups adminGroups;
    private final AuditLog audit;

    AdminActionInterceptor(AdminGroups adminGroups, AuditLog audit) {
        this.adminGroups = adminGroups;
        this.audit = audit;
    }

    private record Planned(AuditAction action, String target, String details) {
    }

    @Override
    public <T> T execute(Command<T> command) {
        Planned planned;
        try {
            planned = plan(command);
        } catch (AdminGroupProtectedException refused) {
            audit.recordRefusal(refusedAction(command), target(command), refused.getMessage());
            throw refused;
        }
        T result = next.execute(command);
        if (planned != null) {
            // a new authorization gets its id while it is saved
            String target = planned.target() == null && result instanceof Authorization saved ? saved.getId()
                    : planned.target();
            audit.record(planned.action(), target, planned.details());
        }
        return result;
    }

    /** What the command will change (read before it runs: a deleted authorization cannot be described afterwards). */
    private Planned plan(Command<?> command) {
        if (command instanceof SaveUserCmd) {
            User user = CommandFields.read(command, "user", User.class);
            boolean created = isNew(user);
            String details = "姓名 / name: " + user.getFirstName() + " " + user.getLastName() + "；邮箱 / e-mail: "
                    + user.getEmail() + (user instanceof UserEntity entity && entity.hasNewPassword() && !created
                            ? "；已修改密码 / password changed" : "");
            return new Planned(created ? AuditAction.USER_CREATED : AuditAction.USER_UPDATED, user.getId(), details);
        }
        if (command instanceof DeleteUserCmd) {
            String userId = CommandFields.read(command, "userId", String.class);
            for (String group : AdminGroups.PROTECTED) {
                adminGroups.ensureNotLastMember(group, userId);
            }
            return new Planned(AuditAction.USER_DELETED, userId, null);
        }
        if (command instanceof UnlockUserCmd) {
            return new Planned(AuditAction.USER_UNLOCKED, CommandFields.read(command, "userId", String.class), null);
        }
        if (command instanceof SaveGroupCmd) {
            Group group = CommandFields.read(command, "group", Group.class);
            return new Planned(isNew(group) ? AuditAction.GROUP_CREATED : AuditAction.GROUP_UPDATED, group.getId(),
                    "名称 / name: " + group.getName() + "；类型 / type: " + group.getType());
        }
        if (command instanceof DeleteGroupCmd) {
            String groupId = CommandFields.read(command, "groupId", String.class);
            if (AdminGroups.isProtected(groupId)) {
                throw AdminGroups.cannotDelete(groupId);
            }
            return new Planned(AuditAction.GROUP_DELETED, groupId, null);
        }
        if (command instanceof CreateMembershipCmd) {
            return membership(command, AuditAction.MEMBERSHIP_ADDED);
        }
        if (command instanceof DeleteMembershipCmd) {
            Planned planned = membership(command, AuditAction.MEMBERSHIP_REMOVED);
            String groupId = CommandFields.read(command, "groupId", String.class);
            if (AdminGroups.isProtected(groupId)) {
                adminGroups.ensureNotLastMember(groupId, CommandFields.read(command, "userId", String.class));
            }
            return planned;
        }
        if (command instanceof SaveAuthorizationCmd) {
            Authorization authorization = CommandFields.read(command, "authorization", Authorization.class);
            return new Planned(isNew(authorization) ? AuditAction.AUTHORIZATION_CREATED : AuditAction.AUTHORIZATION_UPDATED,
                    authorization.getId(), describe(authorization));
        }
        if (command instanceof DeleteAuthorizationCmd) {
            String id = CommandFields.read(command, "authorizationId", String.class);
            AuthorizationEntity existing = id == null ? null
                    : Context.getCommandContext().getDbEntityManager().selectById(AuthorizationEntity.class, id);
            return new Planned(AuditAction.AUTHORIZATION_DELETED, id, existing == null ? null : describe(existing));
        }
        if (command instanceof DeleteDeploymentCmd) {
            return new Planned(AuditAction.DEPLOYMENT_DELETED, CommandFields.read(command, "deploymentId", String.class),
                    "级联 / cascade: " + CommandFields.read(command, "cascade", Boolean.class));
        }
        return null;
    }

    private static Planned membership(Command<?> command, AuditAction action) {
        String userId = CommandFields.read(command, "userId", String.class);
        String groupId = CommandFields.read(command, "groupId", String.class);
        return new Planned(action, userId + " → " + groupId, null);
    }

    private static AuditAction refusedAction(Command<?> command) {
        if (command instanceof DeleteUserCmd) {
            return AuditAction.USER_DELETED;
        }
        return command instanceof DeleteGroupCmd ? AuditAction.GROUP_DELETED : AuditAction.MEMBERSHIP_REMOVED;
    }

    private static String target(Command<?> command) {
        if (command instanceof DeleteUserCmd) {
            return CommandFields.read(command, "userId", String.class);
        }
        if (command instanceof DeleteGroupCmd) {
            return CommandFields.read(command, "groupId", String.class);
        }
        return command instanceof DeleteMembershipCmd ? membership(command, AuditAction.MEMBERSHIP_REMOVED).target() : null;
    }

    /** A user, group or authorization the engine has not stored yet (revision 0, or no id for authorizations). */
    private static boolean isNew(Object entity) {
        if (entity instanceof Authorization authorization && authorization.getId() == null) {
            return true;
        }
        return entity instanceof HasDbRevision revisioned && revisioned.getRevision() == 0;
    }

    private static String describe(Authorization authorization) {
        String type = switch (authorization.getAuthorizationType()) {
            case Authorization.AUTH_TYPE_GLOBAL -> "GLOBAL";
            case Authorization.AUTH_TYPE_GRANT -> "GRANT";
            default -> "REVOKE";
        };
        Resource resource = ResourceTypeUtil.getResourceByType(authorization.getResourceType());
        Permission[] known = ResourceTypeUtil.getPermissionsByResourceType(authorization.getResourceType());
        String permissions = authorization.getAuthorizationType() != Authorization.AUTH_TYPE_REVOKE
                && authorization.isEveryPermissionGranted() ? "ALL"
                        : Arrays.stream(authorization.getPermissions(known)).map(Permission::getName)
                                .filter(name -> !name.equals("NONE") && !name.equals("ALL"))
                                .collect(Collectors.joining(","));
        return type + " " + (authorization.getUserId() != null ? "user " + authorization.getUserId()
                : "group " + authorization.getGroupId()) + " " + (resource == null ? authorization.getResourceType()
                        : resource.resourceName()) + "/" + authorization.getResourceId() + " [" + permissions + "]";
    }
}
