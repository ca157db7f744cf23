package cn.zhaoshang.approval;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.task.CompleteTaskRequest;
import cn.zhaoshang.task.TaskActionService;

/**
 * Demo profile: a few landing applications of every tier, some already part-way through approval, so a
 * newcomer logging in as {@code deputy}, {@code meeting} or {@code countyhead} finds work waiting. Created
 * through the same service and process as real ones, once, on an empty database.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "zhaoshang.demo.projects", havingValue = "true")
class DemoProjects implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private final LandingApplicationService applications;
    private final TaskActionService tasks;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ProjectMapper projects;

    DemoProjects(LandingApplicationService applications, TaskActionService tasks, TaskService taskService,
            IdentityService identityService, ProjectMapper projects) {
        this.applications = applications;
        this.tasks = tasks;
        this.taskService = taskService;
        this.identityService = identityService;
        this.projects = projects;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (projects.count() > 0) {
            return;
        }
        String t1 = submit(new LandingApplication("磐安县𠮷祥农旅开发有限公司", "花溪民宿综合体", "SERVICE",
                new BigDecimal("8000"), true, new BigDecimal("15"), false, false, "尖山镇"));
        String t2 = submit(new LandingApplication("浙江华锐新材料股份有限公司", "年产 5 万吨高性能复合材料项目", "INDUSTRIAL",
                new BigDecimal("60000"), true, new BigDecimal("45"), false, false, "磐安工业园区"));
        String t3 = submit(new LandingApplication("中药谷健康产业集团有限公司", "中药材精深加工及康养基地", "SERVICE",
                new BigDecimal("120000"), true, new BigDecimal("80.5"), true, false, "新城开发建设中心"));
        submit(new LandingApplication("金磐智造科技有限公司", "智能装备零部件生产线", "INDUSTRIAL",
                new BigDecimal("25000"), true, new BigDecimal("40"), false, true, "金磐开发区"));
        submit(new LandingApplication("云山文化传媒有限公司", "数字文创运营中心（租赁厂房）", "SERVICE",
                new BigDecimal("3000"), false, null, false, false, "安文街道"));

        decide(t1, "countyhead", List.of(Groups.COUNTY_HEAD), ApprovalDecision.APPROVE, "同意落地，请分管副县长审批。");
        decide(t2, "deputy", List.of(Groups.DEPUTY_HEAD, Groups.TASK_FORCE), ApprovalDecision.APPROVE,
                "项目符合产业导向，建议提交县长办公会议审议。");
        decide(t3, "deputy", List.of(Groups.DEPUTY_HEAD, Groups.TASK_FORCE), ApprovalDecision.APPROVE,
                "涉及一事一议扶持，提级审定。");
        decide(t3, "meeting", List.of(Groups.COUNTY_HEAD_MEETING), ApprovalDecision.APPROVE, "会议审议通过，报县委常委会。");
        log.info("Demo projects created: {}", projects.count());
    }

    private String submit(LandingApplication application) {
        identityService.setAuthentication("carrier", List.of(Groups.CARRIER));
        try {
            return applications.submit(application).processInstanceId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void decide(String processInstanceId, String user, List<String> groups, ApprovalDecision decision,
            String opinion) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).active().singleResult();
        identityService.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), new CompleteTaskRequest(decision.name(), opinion, null, null, null), user);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
