package cn.zhaoshang.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * The first thing the app does with its database: on MySQL/MariaDB, check the connection the pool hands out
 * ({@link MySqlSettings}) and refuse to start on a wrong setting, before Flyway or the engine write anything. It runs as
 * Flyway's migration strategy because migrating is the app's first use of the database. The tables' character set is
 * checked once they all exist ({@link Utf8mb4SchemaPlugin}).
 */
@Component
class MySqlStartupChecks implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(MySqlStartupChecks.class);

    private final DataSource dataSource;

    MySqlStartupChecks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void migrate(Flyway flyway) {
        check();
        flyway.migrate();
    }

    void check() {
        try (Connection connection = dataSource.getConnection()) {
            String url = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl()
                    : connection.getMetaData().getURL();
            if (!MySqlSettings.isMySql(url)) {
                return;
            }
            MySqlSettings settings = dataSource instanceof HikariDataSource hikari
                    ? MySqlSettings.read(connection, url, hikari.getDataSourceProperties(), hikari.getMaxLifetime())
                    : MySqlSettings.read(connection, url, null, -1);
            List<String> problems = settings.problems();
            if (!problems.isEmpty()) {
                throw new DatabaseSettingsException(problems);
            }
            log.info("MySQL settings checked: isolation {}, character set {}, wait_timeout {} s, pool max-lifetime {} ms",
                    settings.isolation(), settings.databaseCharset(), settings.waitTimeoutSeconds(),
                    settings.maxLifetimeMillis());
        } catch (SQLException e) {
            throw new IllegalStateException("无法连接数据库以检查设置 / cannot reach the database to check its settings: "
                    + e.getMessage(), e);
        }
    }
}
