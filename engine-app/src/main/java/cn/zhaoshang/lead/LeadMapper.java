package cn.zhaoshang.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Table {@code lead}; the longer statements are in LeadMapper.xml. Reporting unit and reporter are never updated. */
@Mapper
public interface LeadMapper {

    /** Inserts and fills {@code id}. */
    void insert(Lead lead);

    @Select("SELECT * FROM lead WHERE id = #{id}")
    Optional<Lead> findById(long id);

    /** Locks the row for the rest of the transaction so concurrent stage changes queue up. */
    @Select("SELECT * FROM lead WHERE id = #{id} FOR UPDATE")
    Optional<Lead> lockById(long id);

    /** The report fields and the next version, after a supplement. */
    int updateReport(Lead lead);

    @Update("UPDATE lead SET status = #{status}, updated_at = #{at} WHERE id = #{id}")
    int updateStatus(@Param("id") long id, @Param("status") LeadStatus status, @Param("at") Instant at);

    @Update("UPDATE lead SET major_project = #{major}, major_reason = #{reason} WHERE id = #{id}")
    int updateMajorProject(@Param("id") long id, @Param("major") boolean major, @Param("reason") String reason);

    @Update("UPDATE lead SET consultation_round = consultation_round + 1, updated_at = #{at} WHERE id = #{id}")
    int nextConsultationRound(@Param("id") long id, @Param("at") Instant at);

    @Update("""
            UPDATE lead SET status = 'MERGED', merged_into_lead_id = #{into}, decision_reason = #{note}, updated_at = #{at}
             WHERE id = #{id}""")
    int markMerged(@Param("id") long id, @Param("into") long intoLeadId, @Param("note") String note,
            @Param("at") Instant at);

    /**
     * Takes a waiting lead onto a meeting's agenda. Conditional on the status, so of two meetings opening at once
     * only one gets the lead (a lead is on exactly one meeting's agenda).
     */
    @Update("""
            UPDATE lead SET status = 'ON_AGENDA', meeting_id = #{meetingId}, updated_at = #{at}
             WHERE id = #{id} AND status = 'AWAITING_MEETING'""")
    int takeOntoAgenda(@Param("id") long id, @Param("meetingId") long meetingId, @Param("at") Instant at);

    /** What the research meeting decided: the reason, and for a VALID lead where it was transferred (转办). */
    @Update("""
            UPDATE lead SET status = #{status}, decision_reason = #{reason}, responsible_unit = #{responsibleUnit},
                   task_force_leader = #{taskForceLeader}, updated_at = #{at}
             WHERE id = #{id}""")
    int recordMeetingDecision(@Param("id") long id, @Param("status") LeadStatus status, @Param("reason") String reason,
            @Param("responsibleUnit") String responsibleUnit, @Param("taskForceLeader") String taskForceLeader,
            @Param("at") Instant at);

    @Select("SELECT id FROM lead WHERE status = 'AWAITING_MEETING' ORDER BY major_project DESC, reported_at, id")
    List<Long> findAwaitingMeeting();

    /** Earlier leads of the same company still in the funnel (not invalid, merged or withdrawn). */
    @Select("""
            SELECT * FROM lead
             WHERE company_key = #{companyKey} AND id <> #{excludeId}
               AND status NOT IN ('INVALID', 'MERGED', 'WITHDRAWN')
             ORDER BY reported_at, id""")
    List<Lead> findActiveByCompanyKey(@Param("companyKey") String companyKey, @Param("excludeId") long excludeId);

    List<Lead> search(LeadQuery query);

    /** Only through the audited administrator correction ({@link LeadLedger#correctAttribution}). */
    @Update("UPDATE lead SET reporting_unit = #{unit}, updated_at = #{at} WHERE id = #{id}")
    int updateReportingUnit(@Param("id") long id, @Param("unit") String unit, @Param("at") Instant at);

    @Select("SELECT COUNT(*) FROM lead")
    long count();
}
