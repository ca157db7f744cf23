package cn.zhaoshang.fulfilment;

import cn.zhaoshang.system.EngineClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.agreement.Agreement;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.fulfilment.Fulfilment.Var;

/** A signed agreement's milestones are planned and Process_Fulfilment watches them for years (履约跟踪). */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class FulfilmentService {

    private final MilestoneMapper milestones;
    private final FulfilmentPlan plan;
    private final ProjectLedger ledger;
    private final RuntimeService runtimeService;

    public FulfilmentService(MilestoneMapper milestones, FulfilmentPlan plan, ProjectLedger ledger,
            RuntimeService runtimeService) {
        this.milestones = milestones;
        this.plan = plan;
        this.ledger = ledger;
        this.runtimeService = runtimeService;
    }

    public ProcessInstance start(Project project, Agreement agreement) {
        int position = 0;
        StringBuilder note = new StringBuilder("履约节点：");
        for (Map.Entry<String, LocalDate> due : plan.dueDates(agreement.signedOn(), agreement.constructionDueOn(),
                project.isLandRequired()).entrySet()) {
            milestones.insert(project.getId(), agreement.id(), due.getKey(), ++position, due.getValue());
            note.append(position > 1 ? "，" : "").append(Milestone.label(due.getKey())).append(" ").append(due.getValue());
        }
        ledger.note(project.getId(), "FULFILMENT_PLANNED", Actors.SYSTEM, note.toString());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Var.PROJECT_ID, project.getId());
        variables.put(Var.AGREEMENT_ID, agreement.id());
        variables.put(Var.COMPANY_NAME, project.getCompanyName());
        variables.put(Var.PROJECT_NAME, project.getProjectName());
        variables.put(Var.ASSESSMENT_DUE_AT, endOfDay(agreement.signedOn().plusMonths(plan.assessmentMonths())));
        variables.put(Var.PROGRESS_CHECK_CYCLE, plan.progressCheckCycle());
        return runtimeService.startProcessInstanceByKey(Fulfilment.PROCESS_KEY, String.valueOf(project.getId()),
                variables);
    }

    /** A due date as the ISO date-time a BPMN timer takes: the end of that day, Beijing time. */
    static String endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(EngineClock.BEIJING).toOffsetDateTime().toString();
    }
}
