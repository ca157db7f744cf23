package cn.zhaoshang.governance;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;

/** Tables {@code process_migration} and {@code process_migration_instance} (sql/V12). */
@Mapper
interface MigrationMapper {

    /** One migration as started. */
    class Row {
        Long id;
        String processKey;
        String sourceDefinitionId;
        String targetDefinitionId;
        String batchId;
        String instructions;
        String startedBy;
        Instant startedAt;
    }

    record InstanceRow(long migrationId, String processInstanceId, String businessKey, boolean scheduled,
            String reason) {
    }

    @Insert("""
            INSERT INTO process_migration (process_key, source_definition_id, target_definition_id, batch_id,
                instructions, started_by, started_at)
            VALUES (#{processKey}, #{sourceDefinitionId}, #{targetDefinitionId}, #{batchId}, #{instructions},
                #{startedBy}, #{startedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    @Insert("""
            INSERT INTO process_migration_instance (migration_id, process_instance_id, business_key, scheduled, reason)
            VALUES (#{migrationId}, #{processInstanceId}, #{businessKey}, #{scheduled}, #{reason})""")
    void insertInstance(InstanceRow row);

    @Select("SELECT * FROM process_migration WHERE id = #{id}")
    Row find(long id);

    @Select("SELECT * FROM process_migration WHERE process_key = #{key} ORDER BY started_at DESC, id DESC LIMIT 50")
    List<Row> byProcess(String key);

    @Select("""
            SELECT migration_id, process_instance_id, business_key, scheduled, reason FROM process_migration_instance
            WHERE migration_id = #{id} ORDER BY process_instance_id""")
    List<InstanceRow> instances(long id);
}
