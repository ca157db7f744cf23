package cn.zhaoshang.ledger;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface LedgerEventMapper {

    @Insert("""
            INSERT INTO ledger_event (project_id, event_type, from_status, to_status, actor, note, occurred_at)
            VALUES (#{projectId}, #{eventType}, #{fromStatus}, #{toStatus}, #{actor}, #{note}, #{occurredAt})""")
    void insert(LedgerEvent event);

    @Select("SELECT * FROM ledger_event WHERE project_id = #{projectId} ORDER BY occurred_at, id")
    List<LedgerEvent> findByProjectId(long projectId);
}
