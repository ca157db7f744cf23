package cn.zhaoshang.ledger;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ApprovalRecordMapper {

    @Insert("""
            INSERT INTO approval_record (project_id, process_instance_id, task_id, tier, step, step_name, decision,
                                         opinion, meeting_date, minutes_number, user_id, decided_at)
            VALUES (#{projectId}, #{processInstanceId}, #{taskId}, #{tier}, #{step}, #{stepName}, #{decision},
                    #{opinion}, #{meetingDate}, #{minutesNumber}, #{userId}, #{decidedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(ApprovalRecord approvalRecord);

    @Select("SELECT * FROM approval_record WHERE project_id = #{projectId} ORDER BY decided_at, id")
    List<ApprovalRecord> findByProjectId(long projectId);
}
