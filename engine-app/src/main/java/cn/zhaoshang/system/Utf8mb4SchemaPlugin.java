package cn.zhaoshang.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's MySQL scripts create {@code utf8} (= utf8mb3) tables, which reject 4-byte characters such as
 * 𠮷 in a company name (ERROR 1366), and MariaDB will not convert them afterwards because their key columns
 * are tied by foreign keys. So on an empty MySQL/MariaDB database this plugin creates the engine's schema
 * itself, from Camunda's own create scripts with the character set switched to utf8mb4 (utf8mb4_bin keeps
 * Camunda's case-sensitive comparisons), just before the engine checks its schema. Then every table of the database
 * — Camunda's, the domain's from Flyway, Flyway's own, the sessions' — must be utf8mb4, or the app refuses to start
 * with a clear message instead of failing later on a name. The connection's settings were checked before anything was
 * written ({@link MySqlStartupChecks}).
 */
@Component
class Utf8mb4SchemaPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(Utf8mb4SchemaPlugin.class);

    /** The order in which Camunda itself creates its schema (DbSqlSession#dbSchemaCreate). */
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    private static final Pattern UTF8_CHARSET = Pattern.compile("(?i)CHARSET\\s*=\\s*utf8(?!mb4)\\b");
    private static final Pattern UTF8_BIN = Pattern.compile("(?i)\\butf8_bin\\b");

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        String type = configuration.getDatabaseType();
        if (!"mysql".equals(type) && !"mariadb".equals(type)) {
            return;
        }
        DataSource dataSource = configuration.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!camundaTablesExist(connection)) {
                createSchema(connection, configuration.getClass().getClassLoader());
            }
            List<String> wrong = tablesNotUtf8mb4(connection);
            if (!wrong.isEmpty()) {
                throw new DatabaseSettingsException(List.of("这些表不是 utf8mb4，无法保存「𠮷」等字符 / these tables are not "
                        + "utf8mb4 " + wrong + ": create the database empty (CHARACTER SET utf8mb4) and let the app "
                        + "create the schema, or convert the tables as described in docs/operations.md"));
            }
        } catch (SQLException | IOException e) {
            throw new ProcessEngineException("Could not prepare the utf8mb4 Camunda schema: " + e.getMessage(), e);
        }
    }

    private static boolean camundaTablesExist(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES "
                        + "WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) = 'ACT_GE_PROPERTY'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static List<String> tablesNotUtf8mb4(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES "
                        + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' "
                        + "AND TABLE_COLLATION NOT LIKE 'utf8mb4%' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static void createSchema(Connection connection, ClassLoader classLoader) throws SQLException, IOException {
        log.info("Creating the Camunda schema in utf8mb4");
        try (Statement statement = connection.createStatement()) {
            for (String component : COMPONENTS) {
                String resource = "org/camunda/bpm/engine/db/create/activiti.mysql.create." + component + ".sql";
                for (String sql : statements(read(classLoader, resource))) {
                    statement.execute(utf8mb4(sql));
                }
            }
        }
    }

    static String utf8mb4(String ddl) {
        return UTF8_BIN.matcher(UTF8_CHARSET.matcher(ddl).replaceAll("CHARSET=utf8mb4")).replaceAll("utf8mb4_bin");
    }

    /** Camunda's scripts: one statement per ';' at a line end, '--' comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(ClassLoader classLoader, String resource) throws IOException {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
