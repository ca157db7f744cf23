package cn.zhaoshang.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.assessment.AssessmentRequests;
import cn.zhaoshang.assessment.OfficeMapper;
import cn.zhaoshang.assessment.OfficeVisits;
import cn.zhaoshang.target.PlanItem;
import cn.zhaoshang.target.TargetMapper;
import cn.zhaoshang.target.TargetPlan;
import cn.zhaoshang.target.TargetPlans;
import cn.zhaoshang.target.Targets;
import cn.zhaoshang.task.TaskActionService;

/**
 * Demo profile, after the lifecycle demo (DemoLifecycle): this year's targets decomposed by the center and approved by
 * the county head through Process_TargetDecomposition, an adjustment for 尖山镇 waiting for the county head, the Shanghai
 * office posted with a few visits logged, and last month's notice issued — so 目标考核 shows figures on the first start.
 * Once, while the year has no targets.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "zhaoshang.demo.projects", havingValue = "true")
class DemoAssessment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

    private final TargetPlans plans;
    private final TargetMapper targets;
    private final OfficeMapper offices;
    private final OfficeVisits visits;
    private final AssessmentRequests requests;
    private final TaskService taskService;
    private final TaskActionService tasks;
    private final IdentityService identityService;
    private final ObjectMapper json;

    DemoAssessment(TargetPlans plans, TargetMapper targets, OfficeMapper offices, OfficeVisits visits,
            AssessmentRequests requests, TaskService taskService, TaskActionService tasks,
            IdentityService identityService, ObjectMapper json) {
        this.plans = plans;
        this.targets = targets;
        this.offices = offices;
        this.visits = visits;
        this.requests = requests;
        this.taskService = taskService;
        this.tasks = tasks;
        this.identityService = identityService;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = EngineClock.today().getYear();
        if (!targets.findTargets(year).isEmpty() || !targets.findPlans(year).isEmpty()) {
            return;
        }
        List<PlanItem> items = new ArrayList<>();
        county(items, "SIGNED_PROJECTS", 12);
        county(items, "STARTED_PROJECTS", 8);
        county(items, "FUNDS_IN_PLACE", 150000);
        county(items, "MANUFACTURING_700M", 1);
        unit(items, "town-jianshan", "SIGNED_PROJECTS", 3);
        unit(items, "park-chengdong", "SIGNED_PROJECTS", 4);
        unit(items, "devzone-jinpan", "SIGNED_PROJECTS", 4);
        unit(items, "group-chengdong", "SIGNED_PROJECTS", 3);
        unit(items, "office-shanghai", "SIGNED_PROJECTS", 2);
        unit(items, "park-chengdong", "STARTED_PROJECTS", 3);
        unit(items, "devzone-jinpan", "STARTED_PROJECTS", 3);
        unit(items, "park-chengdong", "FUNDS_IN_PLACE", 50000);
        unit(items, "devzone-jinpan", "MANUFACTURING_700M", 1);
        TargetPlan plan = as("center", () -> plans.submit(new TargetPlans.Draft(year, TargetPlan.DECOMPOSITION, null,
                items), "center"));
        complete(plan.processInstanceId(), "countyhead", Map.of("decision", "APPROVE", "opinion", "同意，按此下达"));
        as("center", () -> plans.submit(new TargetPlans.Draft(year, TargetPlan.ADJUSTMENT, "尖山镇花溪村文旅项目集中签约，"
                + "申请上调签约任务", List.of(new PlanItem("town-jianshan", "SIGNED_PROJECTS", new BigDecimal("4")))), "center"));

        LocalDate today = EngineClock.today();
        if (offices.findOffice("office-shanghai").isEmpty()) {
            offices.insertOffice(new OfficeMapper.Office("office-shanghai", "上海市及长三角", today.minusYears(1), null));
        }
        as("officer", () -> {
            visits.log("office-shanghai", new OfficeVisits.Entry(today.toString(), "上海联影智造有限公司", "王经理", "上海嘉定",
                    "了解其长三角产能布局，介绍我县装备制造产业园"), "officer");
            visits.log("office-shanghai", new OfficeVisits.Entry(today.toString(), "上海浦江新材料股份有限公司", "李总",
                    "上海浦东", "意向投资 3 亿元新建复合材料生产线，待组织来县考察"), "officer");
            return null;
        });
        as("center", () -> requests.issueNotice(null));
        log.info("Demo targets of {} approved, an adjustment waiting for the county head, last month's notice issued", year);
    }

    private static void county(List<PlanItem> items, String metric, int value) {
        items.add(new PlanItem(null, metric, BigDecimal.valueOf(value)));
    }

    private static void unit(List<PlanItem> items, String unit, String metric, int value) {
        items.add(new PlanItem(unit, metric, BigDecimal.valueOf(value)));
    }

    private void complete(String processInstanceId, String user, Map<String, Object> body) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Targets.Step.APPROVE).active().unlimitedList().stream().findFirst().orElseThrow();
        as(user, () -> {
            tasks.complete(task.getId(), json.valueToTree(body), user);
            return null;
        });
    }

    private <T> T as(String user, java.util.function.Supplier<T> call) {
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).unlimitedList()
                .stream().map(Group::getId).toList());
        try {
            return call.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
