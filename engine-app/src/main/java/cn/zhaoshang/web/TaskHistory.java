package cn.zhaoshang.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.zhaoshang.lead.LeadStatus;
import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.task.TaskView;

/**
 * The history beside a task's form: the ledger of the project, enterprise appeal or lead the task is about (as GET
 * /api/projects/{id}, /api/appeals/{id} and /api/leads/{id} show it), oldest first, in Chinese.
 */
@Component
class TaskHistory {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(EngineClock.BEIJING);

    private static final Map<String, String> EVENT_LABELS = Map.ofEntries(
            Map.entry("REPORTED", "线索报送"), Map.entry("STATUS_CHANGED", "状态变更"),
            Map.entry("DUPLICATE_SUSPECTED", "疑似重复"), Map.entry("DUPLICATE_MERGED", "合并重复线索"),
            Map.entry("CONSULTATION_ANSWERED", "书面征询意见"), Map.entry("CONSULTATION_REMINDED", "征询催办"),
            Map.entry("ATTRIBUTION_CORRECTED", "归属更正"), Map.entry("PROJECT_CREATED", "转为项目"),
            Map.entry("PROJECT_SPLIT", "项目拆分"), Map.entry("NEGOTIATION_REOPENED", "重新洽谈"),
            Map.entry("INSPECTION_RECORDED", "考察"), Map.entry("NEGOTIATION_RECORDED", "洽谈"),
            Map.entry("SUBMITTED", "提交落地审批"), Map.entry("TIER_DETERMINED", "确定审批层级"),
            Map.entry("REVISED", "修改申请"), Map.entry("REMINDER_SENT", "催办"), Map.entry("ESCALATED", "督办"),
            Map.entry("SUPERVISED", "督办意见"), Map.entry("AGREEMENT_DRAFT_UPLOADED", "协议草案"),
            Map.entry("AGREEMENT_REVIEWED", "协议审查"), Map.entry("FULFILMENT_PLANNED", "履约计划"),
            Map.entry("MILESTONE_REACHED", "履约节点"), Map.entry("MILESTONE_OVERDUE", "节点逾期"),
            Map.entry("PROGRESS_UPDATED", "进展更新"), Map.entry("PROGRESS_STALE", "未按时更新"),
            Map.entry("FULFILMENT_ASSESSED", "履约评估"), Map.entry("FULFILMENT_CLOSED", "履约结束"),
            Map.entry("TASK_TRANSFERRED", "转办"));

    private final LedgerEventMapper events;

    TaskHistory(LedgerEventMapper events) {
        this.events = events;
    }

    record Entry(String time, String label, String actor, String change, String note) {
    }

    /** What the history is of ("项目 #12"), or null for a task about neither (a research meeting). */
    static String title(TaskView task) {
        if (task.projectId() != null) {
            return "项目 #" + task.projectId() + " 的台账";
        }
        if (task.appealId() != null) {
            return "企业诉求 #" + task.appealId() + " 的记录";
        }
        if (task.leadId() != null) {
            return "线索 #" + task.leadId() + " 的台账";
        }
        return null;
    }

    List<Entry> of(TaskView task) {
        List<LedgerEvent> found = task.projectId() != null ? events.findByProjectId(task.projectId())
                : task.appealId() != null ? events.findByAppealId(task.appealId())
                : task.leadId() != null ? events.findByLeadId(task.leadId())
                : List.of();
        boolean ofLead = task.projectId() == null && task.appealId() == null;
        return found.stream().map(event -> entry(event, ofLead)).toList();
    }

    private static Entry entry(LedgerEvent event, boolean ofLead) {
        String change = event.toStatus() == null ? null
                : (event.fromStatus() == null ? "" : status(event.fromStatus(), ofLead) + " → ")
                + status(event.toStatus(), ofLead);
        return new Entry(time(event.occurredAt()), EVENT_LABELS.getOrDefault(event.eventType(), "记录"),
                "system".equals(event.actor()) ? "系统" : event.actor(), change, event.note());
    }

    /** A status in Chinese; a lead and a project both have RETURNED and WITHDRAWN, each with its own words. */
    private static String status(String name, boolean ofLead) {
        for (LeadStatus status : LeadStatus.values()) {
            if (ofLead && status.name().equals(name)) {
                return status.label();
            }
        }
        for (ProjectStatus status : ProjectStatus.values()) {
            if (status.name().equals(name)) {
                return status.label();
            }
        }
        return name;
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
