package cn.zhaoshang.security;

import java.util.List;

/**
 * What one caller may read, as the parameters of the SQL filters in VisibilityMapper.xml (each query that reads leads,
 * projects, appeals or meetings takes it as {@code scope}): everything ({@code countyWide}), or the items of their unit,
 * of their groups and of their tasks. Built by {@link Visibility#scope()}; see there for the rule.
 *
 * @param countyWide a member of a county-wide group ({@code zhaoshang.data-scope.county-wide-groups}): no filter
 * @param userId the caller (assignee, candidate or 抄送 recipient of a task)
 * @param groups the caller's Camunda groups (consulted department, assigned department, candidate group of a task)
 * @param unit the code of the caller's unit (user_unit), or null
 * @param unitName that unit's name, as a project's free-text 落户载体 may name it, or null
 */
public record DataScope(boolean countyWide, String userId, List<String> groups, String unit, String unitName) {

    public DataScope {
        groups = List.copyOf(groups);
    }

    /** Everything: for reads made on behalf of the county (and tests of the queries themselves). */
    public static DataScope countyWide(String userId) {
        return new DataScope(true, userId, List.of(), null, null);
    }

    /** Nothing: a read without a caller. */
    static DataScope nothing() {
        return new DataScope(false, null, List.of(), null, null);
    }
}
