package cn.zhaoshang.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MariaDB/MySQL server of a {@code -Pmysql} run (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD as the app reads them), for
 * tests that need databases of their own beside the suite's {@code DB_NAME}: each is named {@code DB_NAME_suffix}, so a
 * builder's databases all start with its own prefix.
 */
public final class MariaDb {

    public static final String SKIP_REASON = "needs MySQL/MariaDB (several nodes or a database connection to cut): "
            + "run mvn verify -Pmysql, see README";

    private MariaDb() {
    }

    public static boolean active() {
        return "mysql".equals(System.getProperty("test.db"));
    }

    public static String host() {
        return env("DB_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(env("DB_PORT", "3306"));
    }

    public static String user() {
        return env("DB_USER", "root");
    }

    public static String password() {
        return env("DB_PASSWORD", "");
    }

    /** A new, empty utf8mb4 database {@code DB_NAME_suffix} (dropped first if a previous run left it). */
    public static String fresh(String suffix) throws SQLException {
        return fresh(suffix, "utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    public static String fresh(String suffix, String characterSet) throws SQLException {
        String name = env("DB_NAME", "zhaoshang") + "_" + suffix;
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET " + characterSet);
        }
        return name;
    }

    /** A plain connection (no pool) to a database of the server, for the tests' own SQL. */
    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(host(), port(), database), user(), password());
    }

    /** The app's URL of application-mysql.yaml, towards another host and port (a proxy) or database. */
    public static String url(String host, int port, String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database + "?characterEncoding=UTF-8"
                + "&connectionCollation=utf8mb4_bin&sendFractionalSeconds=false&connectTimeout=5000&useSSL=false"
                + "&allowPublicKeyRetrieval=true";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() && !"DB_PASSWORD".equals(name) ? fallback : value;
    }
}
