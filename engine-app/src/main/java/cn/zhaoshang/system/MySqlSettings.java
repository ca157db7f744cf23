package cn.zhaoshang.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What a MySQL/MariaDB connection from the pool actually runs with, and what this product refuses to start on
 * (docs/operations.md, "MySQL settings"). Each rule is one Camunda or this product states for MySQL:
 * <ul>
 * <li>READ COMMITTED: Camunda's job acquisition and optimistic locking assume it (ENGINE-12019); under REPEATABLE READ
 * two nodes deadlock on the job table and a reader sees stale rows.</li>
 * <li>utf8mb4 for the database's default, the connection and (checked after the schema exists) every table: company and
 * person names contain 4-byte characters (𠮷, 𡈼), which utf8mb3 and latin1 reject or mangle.</li>
 * <li>{@code sendFractionalSeconds=false} on MySQL Connector/J's URL: MySQL rounds the fraction of a second into a
 * DATETIME column, so a timer or a lock could be stored up to half a second later than the engine meant.</li>
 * <li>the pool's {@code max-lifetime} below the server's {@code wait_timeout}: otherwise the pool hands out connections
 * the server has already closed.</li>
 * </ul>
 *
 * @param url the JDBC URL the pool connects with
 * @param dataSourceProperties the pool's extra driver properties (Hikari {@code data-source-properties})
 * @param isolation the session's transaction isolation as the server names it, e.g. {@code READ-COMMITTED}
 * @param databaseCharset the default character set of the database (new tables get it)
 * @param clientCharset the character set the connection sends statements in
 * @param connectionCharset the character set literals are interpreted in
 * @param waitTimeoutSeconds after how long idle the server closes the connection
 * @param maxLifetimeMillis after how long the pool retires a connection; 0 means never, -1 not known (not a Hikari pool)
 */
public record MySqlSettings(String url, Properties dataSourceProperties, String isolation, String databaseCharset,
        String clientCharset, String connectionCharset, long waitTimeoutSeconds, long maxLifetimeMillis) {

    public static boolean isMySql(String url) {
        return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
    }

    /** Reads the settings of a pooled connection (so the pool's own isolation setting counts, as it will at runtime). */
    public static MySqlSettings read(Connection connection, String url, Properties dataSourceProperties,
            long maxLifetimeMillis) throws SQLException {
        return new MySqlSettings(url, dataSourceProperties == null ? new Properties() : dataSourceProperties,
                isolation(connection), value(connection, "SELECT @@character_set_database"),
                value(connection, "SELECT @@SESSION.character_set_client"),
                value(connection, "SELECT @@SESSION.character_set_connection"),
                Long.parseLong(value(connection, "SELECT @@SESSION.wait_timeout")), maxLifetimeMillis);
    }

    /** Every rule broken, each as one line in Chinese and English with what to change; empty when all is well. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!"READ-COMMITTED".equalsIgnoreCase(normalised(isolation))) {
            problems.add("事务隔离级别是 " + isolation + "，必须是 READ COMMITTED / transaction isolation is " + isolation
                    + ", Camunda requires READ COMMITTED on MySQL: set spring.datasource.hikari.transaction-isolation="
                    + "TRANSACTION_READ_COMMITTED (application-mysql.yaml) or the server's transaction_isolation");
        }
        if (!isUtf8mb4(databaseCharset)) {
            problems.add("数据库默认字符集是 " + databaseCharset + "，必须是 utf8mb4 / the database's default character set is "
                    + databaseCharset + ", it must be utf8mb4: ALTER DATABASE … CHARACTER SET utf8mb4 COLLATE "
                    + "utf8mb4_unicode_ci (on an empty database), see docs/operations.md");
        }
        if (!isUtf8mb4(clientCharset) || !isUtf8mb4(connectionCharset)) {
            problems.add("连接字符集是 " + clientCharset + "/" + connectionCharset + "，必须是 utf8mb4 / the connection's "
                    + "character set is " + clientCharset + "/" + connectionCharset + ", it must be utf8mb4: "
                    + "characterEncoding=UTF-8 in the JDBC URL");
        }
        if (url != null && url.startsWith("jdbc:mysql:") && !sendsWholeSeconds()) {
            problems.add("JDBC URL 缺少 sendFractionalSeconds=false / the JDBC URL lacks sendFractionalSeconds=false, "
                    + "which Camunda requires with MySQL Connector/J (otherwise times are rounded up into the future)");
        }
        if (maxLifetimeMillis == 0 || maxLifetimeMillis >= waitTimeoutSeconds * 1000) {
            problems.add("连接池 max-lifetime（" + lifetime() + "）必须短于数据库的 wait_timeout（" + waitTimeoutSeconds
                    + " 秒）/ the pool's max-lifetime (" + lifetime() + ") must be shorter than the server's wait_timeout ("
                    + waitTimeoutSeconds + " s): set spring.datasource.hikari.max-lifetime lower");
        }
        return problems;
    }

    private boolean sendsWholeSeconds() {
        for (String parameter : url.substring(url.indexOf('?') + 1).split("&")) {
            if (parameter.equalsIgnoreCase("sendFractionalSeconds=false")) {
                return true;
            }
        }
        return "false".equalsIgnoreCase(dataSourceProperties.getProperty("sendFractionalSeconds"));
    }

    private String lifetime() {
        return maxLifetimeMillis <= 0 ? "不限 / unlimited" : maxLifetimeMillis / 1000 + " s";
    }

    private static boolean isUtf8mb4(String charset) {
        return charset != null && charset.toLowerCase(Locale.ROOT).startsWith("utf8mb4");
    }

    private static String normalised(String isolation) {
        return isolation == null ? "" : isolation.replace(' ', '-').replace('_', '-');
    }

    /** MySQL 8 and MariaDB 11.1+ call it transaction_isolation; MariaDB before 11.1 only tx_isolation. */
    private static String isolation(Connection connection) throws SQLException {
        try {
            return value(connection, "SELECT @@SESSION.transaction_isolation");
        } catch (SQLException unknownVariable) {
            return value(connection, "SELECT @@SESSION.tx_isolation");
        }
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
