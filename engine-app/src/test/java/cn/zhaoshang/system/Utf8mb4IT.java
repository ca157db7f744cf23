package cn.zhaoshang.system;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On MySQL/MariaDB every table, Camunda's and ours, stores 4-byte characters (𠮷, 𡈼) intact: a task name,
 * a process variable and a domain row. H2 has no such limit, so this runs only with -Pmysql.
 */
@EnabledIfSystemProperty(named = "test.db", matches = "mysql",
        disabledReason = "needs MySQL/MariaDB (utf8mb4 vs utf8mb3): run mvn verify -Pmysql, see README")
class Utf8mb4IT extends AppIT {

    static final String COMPANY = "𠮷野家（𡈼安）食品有限公司";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fourByteCharacters_surviveInTaskNameVariableAndDomainRow() {
        Map<String, Object> body = application("SERVICE", 10);
        body.put("companyName", COMPANY);
        JsonNode submitted = submit(body);
        String instance = submitted.get("processInstanceId").asText();

        assertThat(runtimeService.getVariable(instance, "companyName")).isEqualTo(COMPANY);
        assertThat(jdbc.queryForObject("SELECT company_name FROM project WHERE id = ?", String.class,
                submitted.get("projectId").asLong())).isEqualTo(COMPANY);

        Task task = taskService.newTask();
        task.setName("审核 " + COMPANY);
        taskService.saveTask(task);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getName()).isEqualTo("审核 " + COMPANY);
        assertThat(jdbc.queryForObject("SELECT NAME_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, task.getId()))
                .isEqualTo("审核 " + COMPANY);
        taskService.deleteTask(task.getId(), true);
    }

    @Test
    void everyTableIsUtf8mb4() {
        List<String> notUtf8mb4 = jdbc.queryForList("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_COLLATION NOT LIKE 'utf8mb4%'", String.class);
        assertThat(notUtf8mb4).isEmpty();
    }

    @Test
    void connectionIsReadCommitted() {
        Integer isolation = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Integer>) java.sql.Connection::getTransactionIsolation);
        assertThat(isolation).isEqualTo(java.sql.Connection.TRANSACTION_READ_COMMITTED);
    }
}
