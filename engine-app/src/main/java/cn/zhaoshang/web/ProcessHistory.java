package cn.zhaoshang.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.negotiation.InspectionNegotiation;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.WithoutAuthorization;

/**
 * The processes a lead or project went through, each drawn from its model with the steps passed and the steps it
 * waits at marked ({@link ProcessDiagram}). A project's processes carry its id as business key (考察洽谈, 落地审批,
 * 谈判签约, 履约); its lead's screening is found by the lead's process instance.
 *
 * <p>Read without the caller's engine grants: a project's path is part of its ledger, which every logged-in official
 * reads (as {@code GET /api/projects/{id}} shows it), while Camunda's history grants are for Cockpit's administrators.
 */
@Component
class ProcessHistory {

    /** the processes whose business key is the project id, in the order a project meets them */
    static final String[] PROJECT_PROCESSES = {InspectionNegotiation.PROCESS_KEY, LandingApproval.PROCESS_KEY,
            AgreementReview.PROCESS_KEY, Fulfilment.PROCESS_KEY};

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(EngineClock.BEIJING);

    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;

    ProcessHistory(HistoryService history, RepositoryService repository, IdentityService identity) {
        this.history = history;
        this.repository = repository;
        this.identity = identity;
    }

    /**
     * One process instance as the page shows it: its name and state, when it ran, the names of the steps it waits
     * at, and its diagram (inline SVG).
     */
    record Diagram(String id, String processKey, String title, boolean running, String state, String started,
            String ended, List<String> currentSteps, String svg) {
    }

    /** The lead's screening (when known) and then the project's processes, oldest first. */
    List<Diagram> of(String leadProcessInstanceId, Long projectId) {
        return WithoutAuthorization.run(identity, () -> {
            List<HistoricProcessInstance> instances = new ArrayList<>();
            if (leadProcessInstanceId != null) {
                instances.addAll(history.createHistoricProcessInstanceQuery().processInstanceId(leadProcessInstanceId)
                        .unlimitedList());
            }
            if (projectId != null) {
                List<HistoricProcessInstance> ofProject = new ArrayList<>(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(String.valueOf(projectId))
                        .processDefinitionKeyIn(PROJECT_PROCESSES)
                        .unlimitedList());
                // by start; within the same second (MySQL keeps whole seconds) in the order a project meets them
                ofProject.sort(Comparator.comparing(HistoricProcessInstance::getStartTime)
                        .thenComparing(i -> List.of(PROJECT_PROCESSES).indexOf(i.getProcessDefinitionKey())));
                instances.addAll(ofProject);
            }
            List<Diagram> diagrams = new ArrayList<>();
            for (HistoricProcessInstance instance : instances) {
                diagrams.add(diagram(instance, "process-" + (diagrams.size() + 1)));
            }
            return diagrams;
        });
    }

    private Diagram diagram(HistoricProcessInstance instance, String id) {
        Set<String> completed = new LinkedHashSet<>();
        Set<String> active = new LinkedHashSet<>();
        List<String> currentSteps = new ArrayList<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().unlimitedList()) {
            if (activity.getEndTime() == null) {
                active.add(activity.getActivityId());
                // the steps people wait for: not the sub-process or multi-instance body around them
                if (activity.getActivityName() != null && !activity.getActivityType().equals("subProcess")
                        && !activity.getActivityType().equals("multiInstanceBody")
                        && !currentSteps.contains(activity.getActivityName())) {
                    currentSteps.add(activity.getActivityName());
                }
            } else if (!activity.isCanceled()) {
                // an interrupted step (the lead was withdrawn while it was open) was not passed
                completed.add(activity.getActivityId());
            }
        }
        String name = instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName()
                : instance.getProcessDefinitionKey();
        boolean running = instance.getEndTime() == null;
        String state = running ? "进行中"
                : HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) ? "已结束" : "已终止";
        String svg = ProcessDiagram.svg(repository.getBpmnModelInstance(instance.getProcessDefinitionId()),
                name + "（" + state + (currentSteps.isEmpty() ? "" : "，当前环节：" + String.join("、", currentSteps)) + "）",
                completed, active, id);
        return new Diagram(id, instance.getProcessDefinitionKey(), name, running, state, time(instance.getStartTime()),
                time(instance.getEndTime()), currentSteps, svg);
    }

    private static String time(Date date) {
        return date == null ? null : MINUTE.format(date.toInstant());
    }
}
