package cn.zhaoshang.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * What a task is about, from the domain tables: every process instance is linked from its lead, project (approval
 * or negotiation) or meeting row, so a task list needs one query, not one per task.
 */
@Component
class TaskSubjects {

    private final SubjectMapper mapper;

    TaskSubjects(SubjectMapper mapper) {
        this.mapper = mapper;
    }

    Map<String, Subject> of(Collection<String> processInstanceIds) {
        Map<String, Subject> subjects = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return subjects;
        }
        for (Subject subject : mapper.find(List.copyOf(processInstanceIds))) {
            subjects.putIfAbsent(subject.processInstanceId(), subject);
        }
        return subjects;
    }

    record Subject(String processInstanceId, Long projectId, Long leadId, Long meetingId, String companyName,
            String projectName, String tier) {
        static final Subject NONE = new Subject(null, null, null, null, null, null, null);
    }

    @Mapper
    interface SubjectMapper {

        @Select("""
                <script>
                SELECT process_instance_id, id AS project_id, lead_id, NULL AS meeting_id, company_name, project_name, tier
                  FROM project WHERE process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                UNION ALL
                SELECT negotiation_process_instance_id, id, lead_id, NULL, company_name, project_name, NULL
                  FROM project WHERE negotiation_process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                UNION ALL
                SELECT process_instance_id, NULL, id, NULL, company_name, project_name, NULL
                  FROM lead WHERE process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                UNION ALL
                SELECT process_instance_id, NULL, NULL, id, NULL, NULL, NULL
                  FROM meeting WHERE process_instance_id IN
                  <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                </script>""")
        List<Subject> find(@Param("ids") List<String> processInstanceIds);
    }
}
