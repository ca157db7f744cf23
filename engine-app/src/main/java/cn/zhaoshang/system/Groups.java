package cn.zhaoshang.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Camunda group ids of the roles in shared/DESIGN.md "Who uses it". Units (towns, parks, offices) are
 * data; these roles are what BPMN candidate groups and authorizations refer to.
 */
public final class Groups {

    private Groups() {
    }

    public static final String REPORTER = "reporter";
    public static final String INVESTMENT_CENTER = "investment-center";
    public static final String DEPT_DRC = "dept-drc";
    public static final String DEPT_ENV = "dept-env";
    public static final String DEPT_EMERGENCY = "dept-emergency";
    public static final String DEPT_NR = "dept-nr";
    public static final String RESEARCH_PANEL = "research-panel";
    public static final String TASK_FORCE = "task-force";
    public static final String DEPUTY_HEAD = "deputy-head";
    public static final String COUNTY_HEAD = "county-head";
    public static final String COUNTY_HEAD_MEETING = "county-head-meeting";
    public static final String STANDING_COMMITTEE = "standing-committee";
    public static final String LEADING_GROUP = "leading-group";
    public static final String JUSTICE_BUREAU = "justice-bureau";
    public static final String DEVZONE_LEGAL = "devzone-legal";
    /** 开发区管委会: approves its own projects ≤ 50 亩 (panan-2022 §五.1). */
    public static final String DEVZONE = "devzone";
    public static final String CARRIER = "carrier";
    public static final String SUPERVISION = "supervision";
    /** 财政局 (受益财政, chenzhou §6/§11): approves and pays incentive awards. */
    public static final String FINANCE = "finance";
    /** 单位主要负责人 (tongcheng §28): reports the 离岗招商 of their own unit (user_unit). */
    public static final String UNIT_HEAD = "unit-head";
    public static final String ADMIN = "admin";
    /** Camunda's own administrators group; members of {@link #ADMIN} are engine administrators too. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** group id → Chinese name, in the order of DESIGN.md. */
    public static final Map<String, String> ALL;

    static {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(REPORTER, "报送单位");
        all.put(INVESTMENT_CENTER, "投资促进中心");
        all.put(DEPT_DRC, "发展和改革局");
        all.put(DEPT_ENV, "生态环境分局");
        all.put(DEPT_EMERGENCY, "应急管理局");
        all.put(DEPT_NR, "自然资源和规划局");
        all.put(RESEARCH_PANEL, "项目研判小组");
        all.put(TASK_FORCE, "招引专班");
        all.put(DEPUTY_HEAD, "分管副县长");
        all.put(COUNTY_HEAD, "县长");
        all.put(COUNTY_HEAD_MEETING, "县长办公会议");
        all.put(STANDING_COMMITTEE, "县委常委会");
        all.put(LEADING_GROUP, "招商引资工作领导小组");
        all.put(JUSTICE_BUREAU, "司法局");
        all.put(DEVZONE_LEGAL, "开发区法务");
        all.put(DEVZONE, "开发区管委会");
        all.put(CARRIER, "落户载体");
        all.put(SUPERVISION, "督考办");
        all.put(FINANCE, "财政局");
        all.put(UNIT_HEAD, "单位主要负责人");
        all.put(ADMIN, "系统管理员");
        ALL = java.util.Collections.unmodifiableMap(all);
    }
}
