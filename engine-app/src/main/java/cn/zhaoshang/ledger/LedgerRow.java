package cn.zhaoshang.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.approval.ProjectCategory;
import cn.zhaoshang.lead.LeadStatus;

/**
 * One row of the 项目台账: a project, or a lead that has no project (yet). Warnings (智控预警, panan §四.1) are computed
 * by the query: overdue fulfilment milestones, a stale-progress flag no update has answered, and overdue steps — a
 * landing-approval or legal-review step reminded (催办) or escalated (督办) and not decided since, or a lead's written
 * consultation past its due time.
 */
public record LedgerRow(String rowKind, Long projectId, Long leadId, String companyName, String projectName,
        String status, String projectCategory, BigDecimal totalInvestmentWan, boolean landRequired,
        BigDecimal landAreaMu, String tier, String reportingUnit, String reportingUnitName, String responsibleUnit,
        String responsibleUnitName, String carrierUnit, String taskForceLeader, Instant registeredAt,
        Instant lastUpdateAt, int overdueMilestones, boolean progressStale, int overdueSteps, boolean escalated) {

    public static final String LEAD = "LEAD";
    public static final String PROJECT = "PROJECT";

    public boolean isProject() {
        return PROJECT.equals(rowKind);
    }

    public long id() {
        return isProject() ? projectId : leadId;
    }

    public String kindLabel() {
        return isProject() ? "项目" : "线索";
    }

    public LedgerStage stage() {
        return isProject() ? LedgerStage.ofProject(ProjectStatus.valueOf(status))
                : LedgerStage.ofLead(LeadStatus.valueOf(status));
    }

    public String statusLabel() {
        return isProject() ? ProjectStatus.valueOf(status).label() : LeadStatus.valueOf(status).label();
    }

    public String categoryLabel() {
        return categoryLabel(projectCategory);
    }

    public String tierLabel() {
        return tierLabel(tier);
    }

    public boolean hasWarnings() {
        return overdueMilestones > 0 || progressStale || overdueSteps > 0;
    }

    /** The warnings in Chinese, most urgent first. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (overdueSteps > 0) {
            String step = isProject() ? "审批环节超期" : overdueSteps + " 个部门征询超期";
            warnings.add(escalated ? step + "（已督办）" : step);
        }
        if (overdueMilestones > 0) {
            warnings.add(overdueMilestones + " 个履约节点逾期");
        }
        if (progressStale) {
            warnings.add("履约进度未按月更新");
        }
        return warnings;
    }

    public static String categoryLabel(String category) {
        if (category == null) {
            return "";
        }
        return switch (category) {
            case "INDUSTRIAL" -> ProjectCategory.INDUSTRIAL.label();
            case "SERVICE" -> ProjectCategory.SERVICE.label();
            default -> category;
        };
    }

    /** The approval tier of DMN ApprovalTier (panan-2022 §二.5 / §五.1). */
    public static String tierLabel(String tier) {
        if (tier == null) {
            return "";
        }
        return "DEVZONE".equals(tier) ? "开发区" : tier;
    }
}
