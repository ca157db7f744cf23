package cn.zhaoshang.task;

import java.time.Instant;

/** A task as an official sees it in their list: what, for which lead, project or meeting, by when. */
public record TaskView(String id, String name, String stepId, String processInstanceId, Long projectId, Long leadId,
        Long meetingId, String companyName, String projectName, String tier, String assignee, Instant created,
        Instant due, boolean overdue) {
}
