package cn.zhaoshang.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.task.TaskView;

/**
 * The history beside a task's form: the ledger of the project, enterprise appeal or lead the task is about (as GET
 * /api/projects/{id}, /api/appeals/{id} and /api/leads/{id} show it), oldest first, in Chinese.
 */
@Component
class TaskHistory {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(EngineClock.BEIJING);

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
                : (event.fromStatus() == null ? "" : Labels.status(event.fromStatus(), ofLead) + " → ")
                + Labels.status(event.toStatus(), ofLead);
        return new Entry(time(event.occurredAt()), Labels.event(event.eventType()),
                Labels.isSystem(event.actor()) ? "系统" : event.actor(), change, event.note());
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
