package cn.zhaoshang.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.agreement.ReviewDecision;
import cn.zhaoshang.approval.ApprovalDecision;
import cn.zhaoshang.approval.RevisionDecision;
import cn.zhaoshang.lead.ConsultationAnswer;
import cn.zhaoshang.lead.LeadStatus;
import cn.zhaoshang.lead.MeetingDecision;
import cn.zhaoshang.ledger.ProjectStatus;

/** Chinese names for the codes the ledger stores (event types, decisions, statuses); an unknown code shows as is. */
final class Labels {

    private Labels() {
    }

    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("REPORTED", "线索报送"),
            Map.entry("STATUS_CHANGED", "状态变更"),
            Map.entry("DUPLICATE_SUSPECTED", "疑似重复线索"),
            Map.entry("DUPLICATE_MERGED", "合并重复线索"),
            Map.entry("CONSULTATION_REMINDED", "书面征询催办"),
            Map.entry("CONSULTATION_ANSWERED", "书面征询答复"),
            Map.entry("ATTRIBUTION_CORRECTED", "归属更正"),
            Map.entry("PROJECT_CREATED", "转办为项目"),
            Map.entry("PROJECT_SPLIT", "项目拆分"),
            Map.entry("NEGOTIATION_REOPENED", "重新考察洽谈"),
            Map.entry("INSPECTION_RECORDED", "考察"),
            Map.entry("NEGOTIATION_RECORDED", "洽谈"),
            Map.entry("SUBMITTED", "提交落地审批"),
            Map.entry("TIER_DETERMINED", "确定审批层级"),
            Map.entry("REVISED", "修改申请材料"),
            Map.entry("REMINDER_SENT", "催办"),
            Map.entry("ESCALATED", "升级督办"),
            Map.entry("SUPERVISED", "督办意见"),
            Map.entry("AGREEMENT_DRAFT_UPLOADED", "上传协议草案"),
            Map.entry("AGREEMENT_REVIEWED", "协议审查"),
            Map.entry("FULFILMENT_PLANNED", "制定履约节点"),
            Map.entry("MILESTONE_REACHED", "履约节点完成"),
            Map.entry("MILESTONE_OVERDUE", "履约节点逾期预警"),
            Map.entry("PROGRESS_UPDATED", "履约进度更新"),
            Map.entry("PROGRESS_STALE", "进度未按月更新预警"),
            Map.entry("FULFILMENT_ASSESSED", "履约评估"),
            Map.entry("FULFILMENT_CLOSED", "履约跟踪结束"),
            Map.entry("TASK_TRANSFERRED", "转办"),
            Map.entry("INCENTIVE_CLAIMED", "奖励申报"),
            Map.entry("INCENTIVE_VERIFIED", "奖励申报核实"),
            Map.entry("INCENTIVE_NOT_ELIGIBLE", "奖励申报不符合条件"),
            Map.entry("INCENTIVE_APPROVED", "奖励财政审批"),
            Map.entry("INCENTIVE_PAID", "奖励兑现"),
            Map.entry("INCENTIVE_REJECTED", "奖励申报驳回"));

    /** Events that warn (催办、督办、预警) rather than move the case on; the timeline marks them. */
    static final Set<String> WARNING_EVENTS = Set.of("REMINDER_SENT", "ESCALATED", "MILESTONE_OVERDUE",
            "PROGRESS_STALE", "CONSULTATION_REMINDED");

    private static final Map<String, String> AGREEMENT_STATUSES = Map.of("IN_REVIEW", "起草和审查中", "SIGNED", "已签约",
            "REJECTED", "审查未通过", "ABANDONED", "已放弃");

    private static final Map<String, String> SIGNING_PARTIES = Map.of("GOVERNMENT", "以县政府名义签订（司法局合法性审查）",
            "DEV_ZONE", "以开发区管委会名义签订（开发区法务审查、领导小组审议）");

    static String event(String type) {
        return EVENTS.getOrDefault(type, type);
    }

    /**
     * A status named in a ledger event: a project's, or (for events of a lead alone) a lead's first — a lead and a
     * project both have RETURNED and WITHDRAWN, each with its own words.
     */
    static String status(String name, boolean ofLead) {
        if (name == null) {
            return null;
        }
        if (ofLead) {
            for (LeadStatus status : LeadStatus.values()) {
                if (status.name().equals(name)) {
                    return status.label();
                }
            }
        }
        return Arrays.stream(ProjectStatus.values()).filter(s -> s.name().equals(name)).map(ProjectStatus::label)
                .findFirst().orElse(name);
    }

    /** A sign-off at a landing-approval step, or what the applicant did with a returned application. */
    static String approvalDecision(String decision) {
        for (ApprovalDecision d : ApprovalDecision.values()) {
            if (d.name().equals(decision)) {
                return d.label();
            }
        }
        for (RevisionDecision d : RevisionDecision.values()) {
            if (d.name().equals(decision)) {
                return d.label();
            }
        }
        return decision;
    }

    static String reviewDecision(String decision) {
        return Arrays.stream(ReviewDecision.values()).filter(d -> d.name().equals(decision)).map(ReviewDecision::label)
                .findFirst().orElse(decision);
    }

    static String consultationAnswer(String answer) {
        return answer == null ? null : Arrays.stream(ConsultationAnswer.values()).filter(a -> a.name().equals(answer))
                .map(ConsultationAnswer::label).findFirst().orElse(answer);
    }

    static String meetingDecision(String decision) {
        return decision == null ? "待决定" : Arrays.stream(MeetingDecision.values()).filter(d -> d.name().equals(decision))
                .map(MeetingDecision::label).findFirst().orElse(decision);
    }

    static String agreementStatus(String status) {
        return AGREEMENT_STATUSES.getOrDefault(status, status);
    }

    static String signingParty(String party) {
        return party == null ? "尚未确定（首稿上传时选定）" : SIGNING_PARTIES.getOrDefault(party, party);
    }

    /** "system" is what timers and service tasks record as actor. */
    static boolean isSystem(String actor) {
        return actor == null || "system".equals(actor);
    }
}
