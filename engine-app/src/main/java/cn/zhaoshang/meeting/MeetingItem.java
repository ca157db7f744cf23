package cn.zhaoshang.meeting;

/** One lead on a meeting's agenda and the meeting's decision about it: table {@code meeting_item}. */
public record MeetingItem(Long id, long meetingId, long leadId, int position, Long pendingLeadId, boolean dropped,
        String decision, String reason, String responsibleUnit, String taskForceLeader) {
}
