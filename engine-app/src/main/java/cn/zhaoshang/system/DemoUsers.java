package cn.zhaoshang.system;

import java.util.List;

/**
 * One demo user per role (password {@code demo}), created only in the demo profile. README lists them.
 */
record DemoUsers(String id, String name, List<String> groups) {

    static final List<DemoUsers> ALL = List.of(
            new DemoUsers("admin", "系统管理员", List.of(Groups.ADMIN, Groups.CAMUNDA_ADMIN)),
            new DemoUsers("reporter", "城东招商组（报送）", List.of(Groups.REPORTER)),
            new DemoUsers("center", "投资促进中心", List.of(Groups.INVESTMENT_CENTER, Groups.RESEARCH_PANEL)),
            // the deputy county head in charge leads the task force (panan-2022 §二.4)
            new DemoUsers("deputy", "分管副县长", List.of(Groups.DEPUTY_HEAD, Groups.TASK_FORCE)),
            new DemoUsers("countyhead", "县长", List.of(Groups.COUNTY_HEAD)),
            new DemoUsers("meeting", "县长办公会议秘书", List.of(Groups.COUNTY_HEAD_MEETING)),
            new DemoUsers("committee", "县委常委会秘书", List.of(Groups.STANDING_COMMITTEE)),
            new DemoUsers("leadinggroup", "领导小组办公室", List.of(Groups.LEADING_GROUP)),
            new DemoUsers("justice", "司法局", List.of(Groups.JUSTICE_BUREAU)),
            new DemoUsers("devzonelegal", "开发区法务", List.of(Groups.DEVZONE_LEGAL)),
            new DemoUsers("devzone", "开发区管委会", List.of(Groups.DEVZONE)),
            new DemoUsers("carrier", "城东工业园区（落户载体）", List.of(Groups.CARRIER, Groups.TASK_FORCE)),
            new DemoUsers("supervisor", "县督考办", List.of(Groups.SUPERVISION)),
            // 受益财政: approves and pays incentive awards (chenzhou §6, §11)
            new DemoUsers("finance", "县财政局", List.of(Groups.FINANCE)),
            new DemoUsers("townhead", "尖山镇主要负责人", List.of(Groups.UNIT_HEAD, Groups.REPORTER)),
            new DemoUsers("officer", "驻上海招商分局工作人员", List.of(Groups.REPORTER)),
            // the departments asked in writing about every lead (qiaocheng §四 书面征询)
            new DemoUsers("drc", "县发展和改革局", List.of(Groups.DEPT_DRC)),
            new DemoUsers("env", "生态环境分局", List.of(Groups.DEPT_ENV)),
            new DemoUsers("emergency", "县应急管理局", List.of(Groups.DEPT_EMERGENCY)),
            new DemoUsers("nr", "县自然资源和规划局", List.of(Groups.DEPT_NR)));
}
