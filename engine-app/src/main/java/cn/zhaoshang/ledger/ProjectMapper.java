package cn.zhaoshang.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ProjectMapper {

    /** Inserts and fills {@code id}; the statement is in ProjectMapper.xml. */
    void insert(Project project);

    @Select("SELECT * FROM project WHERE id = #{id}")
    Optional<Project> findById(long id);

    /** Locks the row for the rest of the transaction so concurrent status changes queue up. */
    @Select("SELECT * FROM project WHERE id = #{id} FOR UPDATE")
    Optional<Project> lockById(long id);

    @Select("SELECT * FROM project WHERE process_instance_id = #{processInstanceId}")
    Optional<Project> findByProcessInstanceId(String processInstanceId);

    List<Project> findByProcessInstanceIds(@Param("ids") Collection<String> processInstanceIds);

    @Update("UPDATE project SET status = #{status}, updated_at = #{at} WHERE id = #{id}")
    int updateStatus(@Param("id") long id, @Param("status") ProjectStatus status, @Param("at") Instant at);

    @Update("UPDATE project SET tier = #{tier}, status = #{status}, updated_at = #{at} WHERE id = #{id}")
    int updateTierAndStatus(@Param("id") long id, @Param("tier") String tier, @Param("status") ProjectStatus status,
            @Param("at") Instant at);

    /** Replaces the application data after a revision; tier and status are set by the process. */
    int updateApplication(Project project);

    @Update("UPDATE project SET negotiation_process_instance_id = #{pid} WHERE id = #{id}")
    int linkNegotiation(@Param("id") long id, @Param("pid") String processInstanceId);

    /** The joint review opinion is signed: the application data, who submits it and the approval process. */
    int attachApplication(Project project);

    /** Only through the audited administrator correction of a lead's attribution ({@code LeadLedger}). */
    @Update("UPDATE project SET reporting_unit = #{reportingUnit}, updated_at = #{at} WHERE lead_id = #{leadId}")
    int updateReportingUnitOfLead(@Param("leadId") long leadId, @Param("reportingUnit") String reportingUnit,
            @Param("at") Instant at);

    @Select("SELECT * FROM project WHERE lead_id = #{leadId} ORDER BY id")
    List<Project> findByLeadId(long leadId);

    @Select("SELECT COUNT(*) FROM project")
    long count();
}
