package cn.zhaoshang.fulfilment;

import cn.zhaoshang.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.Groups;

import static cn.zhaoshang.fulfilment.Fulfilment.Var;

/**
 * 节点逾期预警: the milestone's due date passed; the project's responsible leader (包保领导, the task force lead) and
 * the supervision office are told, and the milestone shows the warning.
 */
@Component(Fulfilment.Bean.ESCALATE_MILESTONE)
class EscalateOverdueMilestoneDelegate implements JavaDelegate {

    private final MilestoneMapper milestones;
    private final ProjectMapper projects;
    private final ProjectLedger ledger;
    private final Notifier notifier;

    EscalateOverdueMilestoneDelegate(MilestoneMapper milestones, ProjectMapper projects, ProjectLedger ledger,
            Notifier notifier) {
        this.milestones = milestones;
        this.projects = projects;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long agreementId = ((Number) execution.getVariable(Var.AGREEMENT_ID)).longValue();
        Project project = projects.findById(((Number) execution.getVariable(Var.PROJECT_ID)).longValue()).orElseThrow();
        String milestone = (String) execution.getVariable(Var.NEXT_MILESTONE);
        milestones.markEscalated(agreementId, milestone, EngineClock.now());
        String text = "项目 #" + project.getId() + "（" + project.getCompanyName() + " · " + project.getProjectName()
                + "）的履约节点「" + Milestone.label(milestone) + "」已逾期，请包保领导（" + project.getTaskForceLeader()
                + "）协调推进。";
        notifier.notifyGroup(Groups.SUPERVISION, "履约预警：" + Milestone.label(milestone) + "逾期", text);
        notifier.notifyGroup(Groups.TASK_FORCE, "履约预警：" + Milestone.label(milestone) + "逾期", text);
        ledger.note(project.getId(), "MILESTONE_OVERDUE", Actors.SYSTEM, text);
    }
}
