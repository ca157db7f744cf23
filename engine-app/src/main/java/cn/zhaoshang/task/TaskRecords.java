package cn.zhaoshang.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the task pages and the API show of a task beyond its list row. */
public final class TaskRecords {

    private TaskRecords() {
    }

    /** A comment (意见、备注) on a task, as Camunda keeps it: by whom, when, the full text. */
    public record TaskComment(String id, String userId, String userName, Instant time, String message) {
    }

    /** A file attached to a task; {@code description} says who attached it and how large it is. */
    public record TaskAttachment(String id, String name, String type, String description, Instant time) {
    }

    /** A user to pick (转办 to a colleague, 抄送 to someone). */
    public record UserOption(String id, String name) {

        public String label() {
            return name == null || name.isBlank() || name.equals(id) ? id : name + "（" + id + "）";
        }
    }

    /**
     * A task I completed (已办): the task as its list row showed it, when it ended, what the form submitted there
     * (decision, opinion …, read from the history of that very step) and its comments.
     */
    public record DoneTask(TaskView task, String processDefinitionId, Instant ended, Map<String, Object> submitted,
            List<TaskComment> comments) {
    }

    /**
     * One task for its page: the row, {@code work} whether the user may complete it (otherwise read only), the
     * candidate groups, either the open task's variables (to fill its form) or, once completed, when and by whom and
     * what was submitted; its comments, attachments and who has a copy.
     */
    public record TaskDetail(TaskView task, boolean open, boolean work, List<String> candidateGroups,
            Map<String, Object> variables, Instant ended, String completedBy, Map<String, Object> submitted,
            String processDefinitionId, List<TaskComment> comments, List<TaskAttachment> attachments,
            List<TaskCopy> copies) {
    }

    /** One page of 已办 and how many completed tasks match in all. */
    public record DonePage(List<DoneTask> tasks, int total) {
    }

    /** The content of an attachment for download. */
    public record AttachmentContent(String name, String type, byte[] content) {
    }
}
