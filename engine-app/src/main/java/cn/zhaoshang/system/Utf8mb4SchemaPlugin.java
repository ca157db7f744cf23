package cn.zhaoshang.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's MySQL scripts create {@code utf8} (= utf8mb3) tables, which reject 4-byte characters such as
 * 𠮷 in a company name (ERROR 1366). Right after the engine has created or checked its schema, and before
 * it deploys or runs anything, every engine table that is not yet utf8mb4 is converted (utf8mb4_bin keeps
 * Camunda's case-sensitive comparisons). Idempotent: a converted schema is left alone.
 */
@Component
class Utf8mb4SchemaPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(Utf8mb4SchemaPlugin.class);

    private DataSource dataSource;
    private String databaseType;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        dataSource = configuration.getDataSource();
        databaseType = configuration.getDatabaseType();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (!"mysql".equals(databaseType) && !"mariadb".equals(databaseType)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (Statement query = connection.createStatement();
                    ResultSet rs = query.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES "
                            + "WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) LIKE 'ACT\\_%' "
                            + "AND TABLE_COLLATION NOT LIKE 'utf8mb4%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.isEmpty()) {
                return;
            }
            log.info("Converting {} Camunda tables to utf8mb4", tables.size());
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement alter = connection.createStatement()) {
                alter.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String table : tables) {
                    // table names come from information_schema, never from a user
                    alter.execute("ALTER TABLE `" + table + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                }
                alter.execute("SET FOREIGN_KEY_CHECKS = 1");
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not convert the Camunda tables to utf8mb4: " + e.getMessage(), e);
        }
    }
}
