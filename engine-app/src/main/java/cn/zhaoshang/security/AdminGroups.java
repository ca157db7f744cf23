package cn.zhaoshang.security;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Groups;

/**
 * The administrators groups, which must never be empty: {@code camunda-admin} (while it is empty, Camunda's Admin
 * webapp offers anyone its first-run "create an administrator" setup) and {@code admin} (the product's administrators,
 * who deploy models). Enforced by {@link AdminActionInterceptor} at run time and by system/IdentitySetup at start-up.
 */
@Component
public class AdminGroups {

    public static final List<String> PROTECTED = List.of(Groups.CAMUNDA_ADMIN, Groups.ADMIN);

    private final AdminGroupMapper mapper;

    AdminGroups(AdminGroupMapper mapper) {
        this.mapper = mapper;
    }

    public static boolean isProtected(String groupId) {
        return PROTECTED.contains(groupId);
    }

    /** Refuses when {@code userId} is the group's last member (call inside the transaction that removes them). */
    void ensureNotLastMember(String groupId, String userId) {
        if (!mapper.isMember(groupId, userId)) {
            return;
        }
        mapper.lockGroup(groupId);
        if (mapper.countMembers(groupId) <= 1 && mapper.isMember(groupId, userId)) {
            throw new AdminGroupProtectedException("「" + userId + "」是管理员组 " + groupId + " 的最后一名成员，不能移除或删除；"
                    + "请先把另一位用户加入该组 / '" + userId + "' is the last member of the administrators group " + groupId
                    + " and cannot be removed or deleted; add another user to the group first");
        }
    }

    static AdminGroupProtectedException cannotDelete(String groupId) {
        return new AdminGroupProtectedException("管理员组 " + groupId + " 不能删除 / The administrators group " + groupId
                + " cannot be deleted");
    }

    public long members(String groupId) {
        return mapper.countMembers(groupId);
    }
}
