package cn.zhaoshang.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tables {@code assessment_action}, {@code assessment_document}, {@code quarterly_dispatch}; users of a unit. */
@Mapper
public interface AssessmentMapper {

    @Select("SELECT user_id FROM user_unit WHERE unit_code = #{unitCode} ORDER BY user_id")
    List<String> usersOfUnit(String unitCode);

    // ---- actions

    @Insert("""
            INSERT INTO assessment_action (action_year, kind, unit_code, metric_code, as_of, target_value, actual_value,
                                           required_fraction, status, due_at, process_instance_id, created_at)
            VALUES (#{year}, #{kind}, #{unitCode}, #{metricCode}, #{asOf}, #{target}, #{actual}, #{fraction}, 'OPEN',
                    #{dueAt}, #{processInstanceId}, #{at})""")
    void insertAction(@Param("year") int year, @Param("kind") String kind, @Param("unitCode") String unitCode,
            @Param("metricCode") String metricCode, @Param("asOf") LocalDate asOf, @Param("target") BigDecimal target,
            @Param("actual") BigDecimal actual, @Param("fraction") BigDecimal fraction, @Param("dueAt") Instant dueAt,
            @Param("processInstanceId") String processInstanceId, @Param("at") Instant at);

    @Select("SELECT * FROM assessment_action WHERE action_year = #{year} AND kind = #{kind} AND unit_code = #{unitCode}")
    Optional<AssessmentAction> findAction(@Param("year") int year, @Param("kind") String kind,
            @Param("unitCode") String unitCode);

    @Select("SELECT * FROM assessment_action WHERE process_instance_id = #{pi} AND unit_code = #{unitCode}")
    Optional<AssessmentAction> findActionOfProcess(@Param("pi") String processInstanceId,
            @Param("unitCode") String unitCode);

    @Select("SELECT * FROM assessment_action WHERE action_year = #{year} ORDER BY kind, unit_code")
    List<AssessmentAction> findActions(int year);

    @Select("SELECT * FROM assessment_action WHERE unit_code = #{unitCode} AND action_year = #{year} ORDER BY kind")
    List<AssessmentAction> findActionsOfUnit(@Param("unitCode") String unitCode, @Param("year") int year);

    /** The interview or report as recorded; once (0 when it was done already). */
    @Update("""
            UPDATE assessment_action SET status = 'DONE', held_on = #{heldOn}, participants = #{participants},
                   record = #{record}, measures = #{measures}, late = #{late}, done_by = #{by}, done_at = #{at}
             WHERE id = #{id} AND status = 'OPEN'""")
    int complete(@Param("id") long id, @Param("heldOn") LocalDate heldOn, @Param("participants") String participants,
            @Param("record") String record, @Param("measures") String measures, @Param("late") boolean late,
            @Param("by") String by, @Param("at") Instant at);

    @Update("UPDATE assessment_action SET overdue_recorded_at = #{at}, late = TRUE WHERE id = #{id} AND status = 'OPEN'")
    int markOverdue(@Param("id") long id, @Param("at") Instant at);

    // ---- documents

    @Delete("DELETE FROM assessment_document WHERE kind = #{kind} AND period = #{period} AND unit_code = #{unitCode}")
    int deleteDocument(@Param("kind") String kind, @Param("period") String period, @Param("unitCode") String unitCode);

    @Insert("""
            INSERT INTO assessment_document (kind, period, unit_code, title, file_name, content, verdict, generated_at)
            VALUES (#{kind}, #{period}, #{unitCode}, #{title}, #{fileName}, #{content}, #{verdict}, #{at})""")
    void insertDocument(@Param("kind") String kind, @Param("period") String period, @Param("unitCode") String unitCode,
            @Param("title") String title, @Param("fileName") String fileName, @Param("content") byte[] content,
            @Param("verdict") String verdict, @Param("at") Instant at);

    @Select("""
            SELECT id, kind, period, unit_code, title, file_name, verdict, generated_at FROM assessment_document
             WHERE kind = #{kind} ORDER BY period DESC, unit_code LIMIT #{limit}""")
    List<AssessmentDocument> findDocuments(@Param("kind") String kind, @Param("limit") int limit);

    @Select("SELECT id, kind, period, unit_code, title, file_name, verdict, generated_at FROM assessment_document WHERE id = #{id}")
    Optional<AssessmentDocument> findDocument(long id);

    /** The file of a document. */
    record Content(String fileName, byte[] content) {
    }

    @Select("SELECT file_name, content FROM assessment_document WHERE id = #{id}")
    Content documentContent(long id);

    // ---- quarterly dispatch

    @Insert("""
            INSERT INTO quarterly_dispatch (dispatch_year, quarter, summary, process_instance_id, created_at)
            VALUES (#{year}, #{quarter}, #{summary}, #{processInstanceId}, #{at})""")
    void insertDispatch(@Param("year") int year, @Param("quarter") int quarter, @Param("summary") String summary,
            @Param("processInstanceId") String processInstanceId, @Param("at") Instant at);

    @Select("SELECT * FROM quarterly_dispatch WHERE dispatch_year = #{year} AND quarter = #{quarter}")
    Optional<QuarterlyDispatchRecord> findDispatch(@Param("year") int year, @Param("quarter") int quarter);

    @Select("SELECT * FROM quarterly_dispatch ORDER BY dispatch_year DESC, quarter DESC LIMIT 20")
    List<QuarterlyDispatchRecord> findDispatches();

    @Update("""
            UPDATE quarterly_dispatch SET instructions = #{instructions}, dispatched_by = #{by}, dispatched_at = #{at}
             WHERE id = #{id} AND dispatched_at IS NULL""")
    int dispatch(@Param("id") long id, @Param("instructions") String instructions, @Param("by") String by,
            @Param("at") Instant at);
}
