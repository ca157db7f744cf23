package cn.zhaoshang.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zhaoshang.ZhaoshangApplication;
import cn.zhaoshang.support.MariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The app refuses to start on a MySQL/MariaDB setting Camunda or this product cannot work with, says which and what to
 * change, and has written nothing by then. Each case starts the real app on a database of its own (so it runs in the
 * failsafe execution {@code cluster}, a JVM apart from the shared test context).
 */
@EnabledIfSystemProperty(named = "test.db", matches = "mysql", disabledReason = MariaDb.SKIP_REASON)
class StartupChecksClusterIT {

    @Test
    void repeatableRead_isRefused_beforeAnythingIsWritten() throws Exception {
        String database = MariaDb.fresh("chk_isolation");
        DatabaseSettingsException refusal = refusedStart("--DB_NAME=" + database,
                "--spring.datasource.hikari.transaction-isolation=TRANSACTION_REPEATABLE_READ");
        assertThat(refusal.problems()).singleElement().asString().contains("REPEATABLE-READ", "READ COMMITTED");
        assertThat(tables(database)).isEmpty();
    }

    @Test
    void aLatin1Database_isRefused_beforeAnythingIsWritten() throws Exception {
        String database = MariaDb.fresh("chk_latin1", "latin1");
        DatabaseSettingsException refusal = refusedStart("--DB_NAME=" + database);
        assertThat(refusal.problems()).singleElement().asString().contains("latin1", "utf8mb4");
        assertThat(tables(database)).isEmpty();
    }

    @Test
    void aUrlWithoutSendFractionalSecondsFalse_isRefused() throws Exception {
        String database = MariaDb.fresh("chk_fraction");
        String url = MariaDb.url(MariaDb.host(), MariaDb.port(), database).replace("&sendFractionalSeconds=false", "");
        DatabaseSettingsException refusal = refusedStart("--spring.datasource.url=" + url);
        assertThat(refusal.problems()).singleElement().asString().contains("sendFractionalSeconds=false");
        assertThat(tables(database)).isEmpty();
    }

    @Test
    void aTableNotInUtf8mb4_isRefused_namingIt() throws Exception {
        String database = MariaDb.fresh("chk_table");
        new SpringApplicationBuilder(ZhaoshangApplication.class).run("--server.port=0",
                "--camunda.bpm.job-execution.enabled=false", "--DB_NAME=" + database).close();
        try (Connection connection = MariaDb.connect(database); Statement statement = connection.createStatement()) {
            // e.g. made by hand or restored from an old dump into the database
            statement.execute("CREATE TABLE legacy_import (id BIGINT PRIMARY KEY, name VARCHAR(100)) CHARACTER SET latin1");
        }
        DatabaseSettingsException refusal = refusedStart("--DB_NAME=" + database);
        assertThat(refusal.problems()).singleElement().asString().contains("legacy_import", "utf8mb4");
    }

    private static DatabaseSettingsException refusedStart(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false"));
        args.addAll(List.of(settings));
        Throwable failure = catchThrowable(() -> {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(ZhaoshangApplication.class)
                    .run(args.toArray(String[]::new));
            app.close();
        });
        assertThat(failure).as("the app must not start").isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseSettingsException refusal) {
                assertThat(refusal.getMessage()).startsWith("数据库设置不符合要求，系统拒绝启动");
                return refusal;
            }
        }
        throw new AssertionError("refused for another reason", failure);
    }

    private static List<String> tables(String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = MariaDb.connect(database); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW TABLES")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
