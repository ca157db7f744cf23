package cn.zhaoshang.system;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zhaoshang.appeal.EnterpriseAppeal;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.incentive.IncentiveClaim;
import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.meeting.ResearchMeeting;
import cn.zhaoshang.negotiation.InspectionNegotiation;
import cn.zhaoshang.security.AdminGroups;
import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditLog;

/**
 * The roles of shared/DESIGN.md as Camunda groups with the authorizations they need, in every profile;
 * idempotent so every start (and every node) can run it. Outside the demo profile the first administrator
 * comes from ZHAOSHANG_ADMIN_USER / ZHAOSHANG_ADMIN_PASSWORD: there is no default password.
 */
@Component
@Order(1)
class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final AuditLog audit;
    private final boolean demoUsers;
    private final String adminUser;
    private final String adminPassword;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, AuditLog audit,
            @Value("${zhaoshang.demo.users:false}") boolean demoUsers,
            @Value("${ZHAOSHANG_ADMIN_USER:admin}") String adminUser,
            @Value("${ZHAOSHANG_ADMIN_PASSWORD:}") String adminPassword) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.audit = audit;
        this.demoUsers = demoUsers;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        Groups.ALL.forEach(this::ensureGroup);
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda 管理员");
        grantRoles();
        ensureTasklistFilters();
        if (demoUsers) {
            DemoUsers.ALL.forEach(demo -> ensureUser(demo.id(), demo.name(), "demo", demo.groups()));
        } else {
            ensureAdministrator();
        }
        repairAdministratorGroups();
    }

    /**
     * Neither administrators group may be empty (security/AdminGroups): an empty camunda-admin opens Camunda's first-run
     * setup to anyone. Both are engine administrator groups with the same rights (EngineConfigurationPlugin), so an empty
     * one is filled with the members of the other, logged and audited; the app does not start with both empty
     * (ensureAdministrator).
     */
    private void repairAdministratorGroups() {
        for (String group : AdminGroups.PROTECTED) {
            if (members(group) > 0) {
                continue;
            }
            String other = AdminGroups.PROTECTED.stream().filter(g -> !g.equals(group)).findFirst().orElseThrow();
            List<String> admins = identityService.createUserQuery().memberOfGroup(other).unlimitedList().stream()
                    .map(User::getId).toList();
            if (admins.isEmpty()) {
                throw new IllegalStateException("管理员组 " + group + " 和 " + other + " 都没有成员 / Both administrators "
                        + "groups are empty. Set ZHAOSHANG_ADMIN_PASSWORD to create the first administrator.");
            }
            admins.forEach(admin -> identityService.createMembership(admin, group));
            audit.record(AuditLog.SYSTEM, AuditAction.ADMIN_GROUP_REPAIRED, group,
                    "启动时管理员组为空，已加入 / empty at start-up, added the members of " + other + ": " + admins);
            log.warn("The administrators group '{}' was empty; added the members of '{}': {}", group, other, admins);
        }
    }

    private void grantRoles() {
        // administrators may do everything, as Camunda's own admin setup grants to camunda-admin; nobody else
        // gets CREATE on deployments, so only they can deploy models
        for (Resource resource : Resources.values()) {
            grant(null, Groups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
            grant(null, Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        // anyone logged in may evaluate the tier table (external clients through /engine-rest)
        grant(Authorization.ANY, null, Resources.DECISION_DEFINITION, LandingApproval.DECISION_KEY,
                Permissions.READ, Permissions.CREATE_INSTANCE);
        for (String group : Groups.ALL.keySet()) {
            grant(null, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(null, group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            // Tasklist shows the names of users and groups
            grant(null, group, Resources.USER, Authorization.ANY, Permissions.READ);
            grant(null, group, Resources.GROUP, Authorization.ANY, Permissions.READ);
        }
        // processes a role may start itself; Process_LandingApproval and Process_InspectionNegotiation are started
        // by the processes before them (a joint review opinion, a VALID meeting decision), never directly
        startableBy(LeadScreening.PROCESS_KEY, Groups.REPORTER, Groups.INVESTMENT_CENTER);
        // ad-hoc research meetings (the message start event), and the explicit split of a project
        startableBy(ResearchMeeting.PROCESS_KEY, Groups.INVESTMENT_CENTER);
        startableBy(InspectionNegotiation.PROCESS_KEY, Groups.INVESTMENT_CENTER);
        // an enterprise's request or complaint is recorded by the center or the hosting carrier
        startableBy(EnterpriseAppeal.PROCESS_KEY, Groups.INVESTMENT_CENTER, Groups.CARRIER);
        // an incentive claim is registered by the center or the project's carrier on the claimant's behalf
        // (qiaocheng §七: the center honours the incentives); finance approves and pays, never registers
        startableBy(IncentiveClaim.PROCESS_KEY, Groups.INVESTMENT_CENTER, Groups.CARRIER);
        grant(Authorization.ANY, null, Resources.DECISION_DEFINITION, LeadScreening.MAJOR_PROJECT_DECISION_KEY,
                Permissions.READ, Permissions.CREATE_INSTANCE);
    }

    private void startableBy(String processKey, String... groups) {
        for (String group : groups) {
            grant(null, group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(null, group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
    }

    private void ensureTasklistFilters() {
        ensureFilter("我的待办", "分配给我的任务", -10,
                () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter("待认领", "我所在组可认领的任务", 0,
                () -> taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned());
    }

    private void ensureFilter(String name, String description, int priority,
            java.util.function.Supplier<org.camunda.bpm.engine.task.TaskQuery> query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true))
                .setQuery(query.get());
        filterService.saveFilter(filter);
        grant(Authorization.ANY, null, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void ensureAdministrator() {
        boolean hasAdmin = AdminGroups.PROTECTED.stream().anyMatch(group -> members(group) > 0);
        if (hasAdmin) {
            return;
        }
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalStateException("没有系统管理员 / No administrator exists. Set ZHAOSHANG_ADMIN_PASSWORD "
                    + "(and optionally ZHAOSHANG_ADMIN_USER) for the first start; there is no default password.");
        }
        ensureUser(adminUser, "系统管理员", adminPassword, List.of(Groups.ADMIN, Groups.CAMUNDA_ADMIN));
        log.info("Created the first administrator '{}'", adminUser);
    }

    private long members(String group) {
        return identityService.createUserQuery().memberOfGroup(group).count();
    }

    void ensureUser(String id, String name, String password, List<String> groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(name);
            user.setLastName("");
            user.setPassword(password);
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identityService.createMembership(id, group);
            }
        }
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Groups.ADMIN.equals(id) || Groups.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void grant(String userId, String groupId, Resource resource, String resourceId, Permission... permissions) {
        var query = authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(resourceId);
        query = userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId);
        Authorization authorization = query.unlimitedList().stream()
                .filter(a -> a.getAuthorizationType() != Authorization.AUTH_TYPE_REVOKE)
                .findFirst()
                .orElseGet(() -> {
                    Authorization created = authorizationService.createNewAuthorization(
                            userId != null && userId.equals(Authorization.ANY) ? Authorization.AUTH_TYPE_GLOBAL
                                    : Authorization.AUTH_TYPE_GRANT);
                    if (userId != null) {
                        created.setUserId(userId);
                    } else {
                        created.setGroupId(groupId);
                    }
                    created.setResource(resource);
                    created.setResourceId(resourceId);
                    return created;
                });
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
