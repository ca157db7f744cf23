package cn.zhaoshang.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import cn.zhaoshang.security.DataScope;

/** Tables {@code meeting}, {@code meeting_item} and {@code meeting_minutes}. */
@Mapper
public interface MeetingMapper {

    @Insert("""
            INSERT INTO meeting (kind, status, requested_by, request_reason, trigger_lead_id, process_instance_id, opened_at)
            VALUES (#{kind}, 'OPEN', #{requestedBy}, #{requestReason}, #{triggerLeadId}, #{processInstanceId}, #{openedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewMeeting meeting);

    @Select("SELECT * FROM meeting WHERE id = #{id}")
    Optional<Meeting> findById(long id);

    /** The newest meetings {@code scope} may read (MeetingMapper.xml). */
    List<Meeting> findRecent(@Param("scope") DataScope scope, @Param("limit") int limit);

    @Update("UPDATE meeting SET status = 'CLOSED_EMPTY', closed_at = #{at} WHERE id = #{id}")
    int closeEmpty(@Param("id") long id, @Param("at") Instant at);

    @Update("""
            UPDATE meeting SET held_on = #{heldOn}, attendees = #{attendees}, recorded_by = #{recordedBy}
             WHERE id = #{id} AND status = 'OPEN'""")
    int recordAttendance(@Param("id") long id, @Param("heldOn") LocalDate heldOn, @Param("attendees") String attendees,
            @Param("recordedBy") String recordedBy);

    @Update("UPDATE meeting SET status = 'HELD', minutes_number = #{minutesNumber}, closed_at = #{at} WHERE id = #{id}")
    int markHeld(@Param("id") long id, @Param("minutesNumber") String minutesNumber, @Param("at") Instant at);

    /** Meetings held in a year, for the next minutes number (研判〔2026〕N号). */
    @Select("SELECT COUNT(*) FROM meeting WHERE minutes_number IS NOT NULL AND YEAR(held_on) = #{year}")
    int countHeldIn(int year);

    @Insert("""
            INSERT INTO meeting_item (meeting_id, lead_id, position, pending_lead_id)
            VALUES (#{meetingId}, #{leadId}, #{position}, #{leadId})""")
    void insertItem(@Param("meetingId") long meetingId, @Param("leadId") long leadId, @Param("position") int position);

    @Select("SELECT * FROM meeting_item WHERE meeting_id = #{meetingId} ORDER BY position")
    List<MeetingItem> findItems(long meetingId);

    @Select("SELECT * FROM meeting_item WHERE meeting_id = #{meetingId} AND lead_id = #{leadId}")
    Optional<MeetingItem> findItem(@Param("meetingId") long meetingId, @Param("leadId") long leadId);

    @Update("""
            UPDATE meeting_item SET decision = #{decision}, reason = #{reason}, responsible_unit = #{responsibleUnit},
                   task_force_leader = #{taskForceLeader}
             WHERE meeting_id = #{meetingId} AND lead_id = #{leadId} AND dropped = FALSE""")
    int decideItem(@Param("meetingId") long meetingId, @Param("leadId") long leadId, @Param("decision") String decision,
            @Param("reason") String reason, @Param("responsibleUnit") String responsibleUnit,
            @Param("taskForceLeader") String taskForceLeader);

    /** The decision reached the lead: the lead may go onto another agenda later (after MORE_INFO). */
    @Update("UPDATE meeting_item SET pending_lead_id = NULL WHERE meeting_id = #{meetingId} AND lead_id = #{leadId}")
    int markDelivered(@Param("meetingId") long meetingId, @Param("leadId") long leadId);

    /** A lead withdrawn after the agenda was set drops off it. */
    @Update("UPDATE meeting_item SET dropped = TRUE, pending_lead_id = NULL WHERE pending_lead_id = #{leadId}")
    int dropPending(long leadId);

    @Insert("""
            INSERT INTO meeting_minutes (meeting_id, minutes_number, file_name, content, generated_at)
            VALUES (#{meetingId}, #{minutesNumber}, #{fileName}, #{content}, #{generatedAt})""")
    void insertMinutes(StoredMinutes minutes);

    /** The issued minutes of the meetings that had a lead on their agenda, and what each decided about it. */
    @Select("""
            SELECT m.id AS meeting_id, m.held_on, mm.minutes_number, mm.file_name, i.decision, i.reason
              FROM meeting_item i
              JOIN meeting m ON m.id = i.meeting_id
              JOIN meeting_minutes mm ON mm.meeting_id = m.id
             WHERE i.lead_id = #{leadId} AND i.dropped = FALSE
             ORDER BY m.held_on, m.id""")
    List<MinutesOfLead> findMinutesOfLead(long leadId);

    record MinutesOfLead(long meetingId, LocalDate heldOn, String minutesNumber, String fileName, String decision,
            String reason) {
    }

    @Select("SELECT * FROM meeting_minutes WHERE meeting_id = #{meetingId}")
    Optional<StoredMinutes> findMinutes(long meetingId);
}
