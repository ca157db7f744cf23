package cn.zhaoshang.task;

import java.time.Instant;

/**
 * A task as an official sees it in their list: what, in which process, for which lead, project, meeting or appeal,
 * reported by which unit, held by whom, by when.
 */
public record TaskView(String id, String name, String stepId, String processInstanceId, String processKey,
        String processName, Long projectId, Long leadId, Long meetingId, Long appealId, String companyName,
        String projectName, String tier, String reportingUnit, String unitName, String assignee, Instant created,
        Instant due, boolean overdue) {

    /** "company · project" as lists show it, or null for a task about no project (a meeting). */
    public String subjectTitle() {
        if (companyName == null && projectName == null) {
            return null;
        }
        if (companyName == null || projectName == null) {
            return companyName != null ? companyName : projectName;
        }
        return companyName + " · " + projectName;
    }
}
