package cn.zhaoshang.negotiation;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.lead.Lead;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.negotiation.InspectionNegotiation.Var;

/**
 * A VALID lead becomes a project (有效线索转办, xuancheng-2019 §二.3) that the task force inspects and negotiates
 * (panan-2022 §二.4). The project keeps the lead and its reporting unit: that attribution is never edited here.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class NegotiationService {

    private final ProjectLedger ledger;
    private final ProjectMapper projects;
    private final UnitMapper units;
    private final RuntimeService runtimeService;

    public NegotiationService(ProjectLedger ledger, ProjectMapper projects, UnitMapper units,
            RuntimeService runtimeService) {
        this.ledger = ledger;
        this.projects = projects;
        this.units = units;
        this.runtimeService = runtimeService;
    }

    public Project open(Lead lead, String responsibleUnit, String taskForceLeader, String actor) {
        return open(lead, lead.getProjectName(), responsibleUnit, taskForceLeader, null, actor,
                "有效线索 #" + lead.getId() + " 转办至 " + responsibleUnit + "，专班组长：" + taskForceLeader);
    }

    /** An explicit, recorded split: one more project from the same lead (xuancheng-2019 §三.1 项目不得拆分 otherwise). */
    public Project split(Lead lead, Project from, String projectName, String reason, String actor) {
        Project split = open(lead, projectName, from.getResponsibleUnit(), from.getTaskForceLeader(), from.getId(), actor,
                "由项目 #" + from.getId() + " 拆分：" + reason);
        ledger.noteWithLead(from.getId(), lead.getId(), "PROJECT_SPLIT", actor,
                "拆分出项目 #" + split.getId() + "（" + projectName + "）：" + reason);
        return split;
    }

    /** The agreement review sent the project back: a new round of inspection and negotiation for the same project. */
    public void reopen(Project project, String actor) {
        startNegotiation(project);
        ledger.noteWithLead(project.getId(), project.getLeadId(), "NEGOTIATION_REOPENED", actor, "重新进入考察洽谈");
    }

    private Project open(Lead lead, String projectName, String responsibleUnit, String taskForceLeader,
            Long splitFrom, String actor, String note) {
        Unit unit = units.findByCode(responsibleUnit)
                .orElseThrow(() -> new IllegalStateException("unit " + responsibleUnit + " does not exist"));
        Project project = new Project();
        project.setCompanyName(lead.getCompanyName());
        project.setProjectName(projectName);
        project.setProjectCategory(lead.getProjectCategory());
        project.setTotalInvestmentWan(lead.getTotalInvestmentWan());
        project.setLandRequired(lead.isLandRequired());
        project.setLandAreaMu(lead.getLandAreaMu());
        project.setDevZone(UnitKind.DEV_ZONE.name().equals(unit.kind()));
        project.setCarrierUnit(unit.name());
        project.setApplicant(actor);
        project.setLeadId(lead.getId());
        project.setReportingUnit(lead.getReportingUnit());
        project.setResponsibleUnit(responsibleUnit);
        project.setTaskForceLeader(taskForceLeader);
        project.setSplitFromProjectId(splitFrom);
        ledger.openFromLead(project, actor, note);
        startNegotiation(project);
        return project;
    }

    private void startNegotiation(Project project) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.PROJECT_ID, project.getId());
        variables.put(Var.LEAD_ID, project.getLeadId());
        variables.put(Var.COMPANY_NAME, project.getCompanyName());
        variables.put(Var.PROJECT_NAME, project.getProjectName());
        ProcessInstance negotiation = runtimeService.startProcessInstanceByKey(InspectionNegotiation.PROCESS_KEY,
                String.valueOf(project.getId()), variables);
        projects.linkNegotiation(project.getId(), negotiation.getId());
        project.setNegotiationProcessInstanceId(negotiation.getId());
    }
}
