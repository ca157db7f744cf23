package cn.zhaoshang.fulfilment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tables {@code milestone} and {@code progress_update}. */
@Mapper
public interface MilestoneMapper {

    @Insert("""
            INSERT INTO milestone (project_id, agreement_id, milestone, position, due_on)
            VALUES (#{projectId}, #{agreementId}, #{milestone}, #{position}, #{dueOn})""")
    void insert(@Param("projectId") long projectId, @Param("agreementId") long agreementId,
            @Param("milestone") String milestone, @Param("position") int position, @Param("dueOn") LocalDate dueOn);

    @Select("SELECT * FROM milestone WHERE project_id = #{projectId} ORDER BY agreement_id DESC, position")
    List<Milestone> findByProject(long projectId);

    /** The first milestone not reached yet, in agreed order. */
    @Select("""
            SELECT * FROM milestone WHERE agreement_id = #{agreementId} AND reached_on IS NULL
             ORDER BY position LIMIT 1""")
    Optional<Milestone> findNextOpen(long agreementId);

    /** Conditional on not reached: a milestone is recorded once. */
    @Update("""
            UPDATE milestone SET reached_on = #{reachedOn}, evidence = #{evidence}, recorded_by = #{by}, recorded_at = #{at}
             WHERE agreement_id = #{agreementId} AND milestone = #{milestone} AND reached_on IS NULL""")
    int reach(@Param("agreementId") long agreementId, @Param("milestone") String milestone,
            @Param("reachedOn") LocalDate reachedOn, @Param("evidence") String evidence, @Param("by") String recordedBy,
            @Param("at") Instant at);

    @Update("UPDATE milestone SET escalated_at = #{at} WHERE agreement_id = #{agreementId} AND milestone = #{milestone}")
    int markEscalated(@Param("agreementId") long agreementId, @Param("milestone") String milestone, @Param("at") Instant at);

    @Insert("""
            INSERT INTO progress_update (project_id, kind, unit, note, actor, occurred_at)
            VALUES (#{projectId}, #{kind}, #{unit}, #{note}, #{actor}, #{at})""")
    void insertProgress(@Param("projectId") long projectId, @Param("kind") String kind, @Param("unit") String unit,
            @Param("note") String note, @Param("actor") String actor, @Param("at") Instant at);

    /** When the carrier last said anything: a progress update or a recorded milestone. */
    @Select("""
            SELECT MAX(t) FROM (
                SELECT MAX(occurred_at) AS t FROM progress_update WHERE project_id = #{projectId} AND kind = 'UPDATE'
                UNION ALL
                SELECT MAX(recorded_at) FROM milestone WHERE project_id = #{projectId}) latest""")
    Optional<Instant> lastProgressAt(long projectId);

    @Select("SELECT * FROM progress_update WHERE project_id = #{projectId} ORDER BY occurred_at DESC, id DESC")
    List<ProgressUpdate> findProgress(long projectId);
}
