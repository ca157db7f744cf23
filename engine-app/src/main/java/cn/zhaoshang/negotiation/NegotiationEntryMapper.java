package cn.zhaoshang.negotiation;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface NegotiationEntryMapper {

    @Insert("""
            INSERT INTO negotiation_entry (project_id, kind, held_on, place, participants, summary, task_id, recorded_by,
                                           recorded_at)
            VALUES (#{projectId}, #{kind}, #{heldOn}, #{place}, #{participants}, #{summary}, #{taskId}, #{recordedBy},
                    #{recordedAt})""")
    void insert(NegotiationEntry entry);

    @Select("SELECT * FROM negotiation_entry WHERE project_id = #{projectId} ORDER BY held_on, id")
    List<NegotiationEntry> findByProjectId(long projectId);
}
