package cn.zhaoshang.system;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Webapp;
import cn.zhaoshang.support.WorkbenchSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP sessions live in the database (Spring Session JDBC, sql/V8), which is what lets any node of a cluster serve a
 * logged-in official: the workbench's login and the Camunda webapps' login are rows there, every attribute they keep is
 * serializable and reads back, and a session gone from the table is gone everywhere. Two real nodes sharing one session
 * are in {@code TwoNodeClusterIT}.
 */
class SessionStoreIT extends AppIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void workbenchAndWebappLogins_areStoredInTheDatabase_andEveryAttributeReadsBack() throws Exception {
        WorkbenchSession bench = WorkbenchSession.login(port, "env");
        assertThat(bench.get("/tasks").statusCode()).isEqualTo(200);
        Webapp tasklist = new Webapp(port, "countyhead");
        HttpResponse<String> user = tasklist.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(user.body()).contains("countyhead");

        assertThat(jdbc.queryForList("SELECT PRINCIPAL_NAME FROM SPRING_SESSION", String.class)).contains("env");
        List<String> names = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(
                "SELECT ATTRIBUTE_NAME, ATTRIBUTE_BYTES FROM SPRING_SESSION_ATTRIBUTES")) {
            String name = (String) row.get("ATTRIBUTE_NAME");
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream((byte[]) row.get("ATTRIBUTE_BYTES")))) {
                assertThat(in.readObject()).as(name).isNotNull();
            }
            names.add(name);
        }
        // Spring Security's login and CSRF token (workbench), Camunda's authentication and CSRF token (webapps)
        assertThat(names).contains("SPRING_SECURITY_CONTEXT", "authenticatedUser", "CAMUNDA_CSRF_TOKEN");
    }

    @Test
    void aSessionDeletedFromTheTable_isLoggedOutOnTheNextRequest() {
        WorkbenchSession bench = WorkbenchSession.login(port, "emergency");
        assertThat(bench.get("/tasks").statusCode()).isEqualTo(200);

        // in a transaction of its own: the pool's connections do not commit by themselves (application.yaml)
        transactions.executeWithoutResult(status ->
                jdbc.update("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", "emergency"));

        HttpResponse<String> after = bench.get("/tasks");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }
}
