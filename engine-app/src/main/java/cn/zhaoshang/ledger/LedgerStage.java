package cn.zhaoshang.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.lead.LeadStatus;

/**
 * The stage (阶段) of a row of the 项目台账 in the lifecycle of DESIGN.md (seed 000 §二.1: 信息处理—线索研判—考察洽谈—
 * 评审签约—帮办服务): which lead and project statuses belong to it. The ledger's stage filter and its stage column both
 * come from here, so the two cannot disagree.
 */
public enum LedgerStage {
    SCREENING("线索甄别", List.of(LeadStatus.REPORTED, LeadStatus.RETURNED, LeadStatus.IN_CONSULTATION,
            LeadStatus.AWAITING_MEETING, LeadStatus.ON_AGENDA, LeadStatus.MORE_INFO), List.of()),
    /** a VALID lead becomes a project in the same transaction; the lead status is here for completeness. */
    NEGOTIATION("考察洽谈", List.of(LeadStatus.VALID), List.of(ProjectStatus.NEGOTIATING)),
    APPROVAL("落地审批", List.of(), List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_APPROVAL, ProjectStatus.RETURNED)),
    AGREEMENT("谈判签约", List.of(), List.of(ProjectStatus.APPROVED, ProjectStatus.AGREEMENT_REVIEW)),
    FULFILMENT("履约跟踪", List.of(), List.of(ProjectStatus.SIGNED)),
    /** ended: archived, withdrawn or merged leads; projects that did not land, were rejected, withdrawn or cleared. */
    CLOSED("已终止或归档", List.of(LeadStatus.INVALID, LeadStatus.WITHDRAWN, LeadStatus.MERGED),
            List.of(ProjectStatus.NOT_LANDED, ProjectStatus.REJECTED, ProjectStatus.WITHDRAWN, ProjectStatus.TERMINATED));

    private final String label;
    private final List<LeadStatus> leadStatuses;
    private final List<ProjectStatus> projectStatuses;

    LedgerStage(String label, List<LeadStatus> leadStatuses, List<ProjectStatus> projectStatuses) {
        this.label = label;
        this.leadStatuses = leadStatuses;
        this.projectStatuses = projectStatuses;
    }

    public String label() {
        return label;
    }

    public List<LeadStatus> leadStatuses() {
        return leadStatuses;
    }

    public List<ProjectStatus> projectStatuses() {
        return projectStatuses;
    }

    public static LedgerStage ofLead(LeadStatus status) {
        return Arrays.stream(values()).filter(s -> s.leadStatuses.contains(status)).findFirst().orElseThrow();
    }

    public static LedgerStage ofProject(ProjectStatus status) {
        return Arrays.stream(values()).filter(s -> s.projectStatuses.contains(status)).findFirst().orElseThrow();
    }

    public static Optional<LedgerStage> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
