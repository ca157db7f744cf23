package cn.zhaoshang.security;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Table {@code audit_log}: insert and read only (the search is in AuditMapper.xml). */
@Mapper
interface AuditMapper {

    @Insert("""
            INSERT INTO audit_log (occurred_at, actor, action, outcome, target, details, source, client_ip)
            VALUES (#{occurredAt}, #{actor}, #{action}, #{outcome}, #{target}, #{details}, #{source}, #{clientIp})""")
    void insert(AuditEntry entry);

    List<AuditEntry> search(@Param("from") Instant from, @Param("to") Instant to, @Param("actor") String actor,
            @Param("action") String action, @Param("offset") int offset, @Param("limit") int limit);

    @org.apache.ibatis.annotations.Select("""
            <script>SELECT id, occurred_at, actor, action, outcome, target, details, source, client_ip FROM audit_log
            WHERE action = 'DEPLOYMENT_CREATED' AND target IN
            <foreach item="id" collection="deploymentIds" open="(" separator="," close=")">#{id}</foreach></script>""")
    List<AuditEntry> deployments(@Param("deploymentIds") java.util.Collection<String> deploymentIds);

    long count(@Param("from") Instant from, @Param("to") Instant to, @Param("actor") String actor,
            @Param("action") String action);
}
