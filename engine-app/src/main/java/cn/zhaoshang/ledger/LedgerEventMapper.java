package cn.zhaoshang.ledger;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Append-only: there is no update and no delete. */
@Mapper
public interface LedgerEventMapper {

    @Insert("""
            INSERT INTO ledger_event (project_id, lead_id, appeal_id, event_type, from_status, to_status, actor, note,
                                      occurred_at)
            VALUES (#{projectId}, #{leadId}, #{appealId}, #{eventType}, #{fromStatus}, #{toStatus}, #{actor}, #{note},
                    #{occurredAt})""")
    void insert(LedgerEvent event);

    @Select("SELECT * FROM ledger_event WHERE project_id = #{projectId} ORDER BY occurred_at, id")
    List<LedgerEvent> findByProjectId(long projectId);

    @Select("SELECT * FROM ledger_event WHERE lead_id = #{leadId} ORDER BY occurred_at, id")
    List<LedgerEvent> findByLeadId(long leadId);

    @Select("SELECT * FROM ledger_event WHERE appeal_id = #{appealId} ORDER BY occurred_at, id")
    List<LedgerEvent> findByAppealId(long appealId);
}
