package cn.zhaoshang.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the product adds to Camunda's own tables (docs/performance.md), created once the engine has made or checked
 * its schema, on H2 and MySQL/MariaDB alike; named {@code zs_idx_*} so that they are told apart from Camunda's. Kept out
 * of the Flyway migrations because Camunda's tables do not exist yet when those run on an empty database.
 * <ul>
 * <li>{@code zs_idx_task_due}: the task list (W2) walks the open tasks in due-date order and stops when the page is
 * full, instead of sorting all of a group's tasks;</li>
 * <li>{@code zs_idx_job_due}: job acquisition by due date ({@code jobExecutorAcquireByDueDate}) reads the due timers
 * first instead of scanning every timer of every running instance (W3).</li>
 * </ul>
 * Two nodes starting together may both try; the loser finds the index there and carries on.
 */
@Component
class ProductIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ProductIndexes.class);

    record Index(String name, String table, String columns) {
    }

    static final List<Index> INDEXES = List.of(
            new Index("zs_idx_task_due", "ACT_RU_TASK", "DUE_DATE_, CREATE_TIME_"),
            new Index("zs_idx_job_due", "ACT_RU_JOB", "DUEDATE_"));

    private DataSource dataSource;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        dataSource = configuration.getDataSource();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (Index index : INDEXES) {
                if (!exists(connection, index)) {
                    create(connection, index);
                }
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not create the product's indexes on Camunda's tables: "
                    + e.getMessage(), e);
        }
    }

    private static void create(Connection connection, Index index) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " (" + index.columns() + ")");
            log.info("Created index {} on {} ({})", index.name(), index.table(), index.columns());
        } catch (SQLException e) {
            if (!exists(connection, index)) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection connection, Index index) throws SQLException {
        for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = connection.getMetaData().getIndexInfo(connection.getCatalog(), null, table, false, false)) {
                while (rs.next()) {
                    if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
