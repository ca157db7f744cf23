package cn.zhaoshang.fulfilment;

import cn.zhaoshang.system.EngineClock;
import java.time.Duration;
import java.time.Instant;

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
 * 智控预警 (panan §四.1): a project whose carrier has said nothing (no progress update, no milestone) for longer than
 * {@code zhaoshang.fulfilment.stale-after-days} is flagged stale, and the flag counts against the responsible unit.
 */
@Component(Fulfilment.Bean.FLAG_STALE)
class FlagStaleProgressDelegate implements JavaDelegate {

    private final MilestoneMapper milestones;
    private final ProjectMapper projects;
    private final ProjectLedger ledger;
    private final Notifier notifier;
    private final FulfilmentPlan plan;

    FlagStaleProgressDelegate(MilestoneMapper milestones, ProjectMapper projects, ProjectLedger ledger, Notifier notifier,
            FulfilmentPlan plan) {
        this.milestones = milestones;
        this.projects = projects;
        this.ledger = ledger;
        this.notifier = notifier;
        this.plan = plan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Project project = projects.findById(((Number) execution.getVariable(Var.PROJECT_ID)).longValue()).orElseThrow();
        Instant now = EngineClock.now();
        Instant last = milestones.lastProgressAt(project.getId()).orElse(project.getUpdatedAt());
        if (Duration.between(last, now).toDays() < plan.staleAfterDays()) {
            return;
        }
        String text = "项目 #" + project.getId() + "（" + project.getCompanyName() + "）已超过 " + plan.staleAfterDays()
                + " 天未更新履约进度（上次 " + last + "），责任单位：" + project.getResponsibleUnit();
        milestones.insertProgress(project.getId(), "STALE", project.getResponsibleUnit(), text, Actors.SYSTEM, now);
        ledger.note(project.getId(), "PROGRESS_STALE", Actors.SYSTEM, text);
        notifier.notifyGroup(Groups.CARRIER, "智控预警：履约进度未按月更新", text);
        notifier.notifyGroup(Groups.SUPERVISION, "智控预警：履约进度未按月更新", text);
    }
}
