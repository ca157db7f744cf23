package cn.zhaoshang.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Written consultation: the configured departments and their opinions per lead and round. */
@Mapper
public interface ConsultationMapper {

    /** The departments asked about every lead, in their configured order (data, qiaocheng §四). */
    @Select("SELECT * FROM consultation_department WHERE active = TRUE ORDER BY sort_order, group_id")
    List<ConsultationDepartment> findActiveDepartments();

    @Select("SELECT * FROM consultation_department ORDER BY sort_order, group_id")
    List<ConsultationDepartment> findAllDepartments();

    @Insert("""
            INSERT INTO consultation_department (group_id, name, sort_order, active)
            VALUES (#{groupId}, #{name}, #{sortOrder}, #{active})""")
    void insertDepartment(ConsultationDepartment department);

    @Update("UPDATE consultation_department SET name = #{name}, sort_order = #{sortOrder}, active = #{active} WHERE group_id = #{groupId}")
    int updateDepartment(ConsultationDepartment department);

    @Insert("""
            INSERT INTO consultation_opinion (lead_id, round, department_group, department_name, requested_at, due_at)
            VALUES (#{leadId}, #{round}, #{departmentGroup}, #{departmentName}, #{requestedAt}, #{dueAt})""")
    void insertRequest(@Param("leadId") long leadId, @Param("round") int round,
            @Param("departmentGroup") String departmentGroup, @Param("departmentName") String departmentName,
            @Param("requestedAt") Instant requestedAt, @Param("dueAt") Instant dueAt);

    @Select("""
            SELECT * FROM consultation_opinion
             WHERE lead_id = #{leadId} AND round = #{round} AND department_group = #{department}""")
    Optional<ConsultationOpinion> find(@Param("leadId") long leadId, @Param("round") int round,
            @Param("department") String departmentGroup);

    @Update("""
            UPDATE consultation_opinion SET task_id = #{taskId}
             WHERE lead_id = #{leadId} AND round = #{round} AND department_group = #{department}""")
    int linkTask(@Param("leadId") long leadId, @Param("round") int round, @Param("department") String departmentGroup,
            @Param("taskId") String taskId);

    /** Conditional on no answer yet: a department answers each round once. */
    @Update("""
            UPDATE consultation_opinion
               SET answer = #{answer}, opinion = #{opinion}, answered_by = #{answeredBy}, answered_at = #{at}
             WHERE lead_id = #{leadId} AND round = #{round} AND department_group = #{department} AND answer IS NULL""")
    int answer(@Param("leadId") long leadId, @Param("round") int round, @Param("department") String departmentGroup,
            @Param("answer") String answer, @Param("opinion") String opinion, @Param("answeredBy") String answeredBy,
            @Param("at") Instant at);

    @Update("""
            UPDATE consultation_opinion SET reminded_at = #{at}
             WHERE lead_id = #{leadId} AND round = #{round} AND department_group = #{department}""")
    int markReminded(@Param("leadId") long leadId, @Param("round") int round,
            @Param("department") String departmentGroup, @Param("at") Instant at);

    @Select("SELECT * FROM consultation_opinion WHERE lead_id = #{leadId} ORDER BY round, id")
    List<ConsultationOpinion> findByLeadId(long leadId);
}
