package cn.zhaoshang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zhaoshang.ZhaoshangApplication;
import cn.zhaoshang.support.AppClient;

/**
 * The product in the benchmark's JVM, on a database of its own (a fresh H2 file under {@code target/bench/}, or a
 * fresh MariaDB database {@code zhaoshang_bench_<setting>}), with the demo users and no demo projects, on a free port.
 */
final class BenchApp implements AutoCloseable {

    final Options options;
    final Setting setting;
    final ConfigurableApplicationContext context;
    final String database;

    private BenchApp(Options options, Setting setting, ConfigurableApplicationContext context, String database) {
        this.options = options;
        this.setting = setting;
        this.context = context;
        this.database = database;
    }

    static String databaseName(Setting setting) {
        return "zhaoshang_bench_" + setting.name();
    }

    static BenchApp start(Options options, Setting setting) throws Exception {
        String database = databaseName(setting);
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--zhaoshang.demo.users=true",
                "--zhaoshang.demo.projects=false", "--logging.level.root=WARN",
                "--logging.level.cn.zhaoshang=WARN", "--spring.main.banner-mode=off"));
        if (options.mysql()) {
            recreateDatabase(database);
            args.add("--spring.profiles.active=demo,mysql");
            args.add("--DB_NAME=" + database);
        } else {
            Path dir = Paths.get("target", "bench", "h2-" + setting.name());
            deleteTree(dir);
            args.add("--spring.profiles.active=demo");
            args.add("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath() + "/zhaoshang;MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE");
        }
        args.addAll(setting.arguments());
        ConfigurableApplicationContext context = SpringApplication.run(ZhaoshangApplication.class,
                args.toArray(String[]::new));
        BenchApp app = new BenchApp(options, setting, context, database);
        if (setting.withoutProductIndexes()) {
            app.dropProductIndexes();
        }
        return app;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    DataSource dataSource() {
        return bean(DataSource.class);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    AppClient client() {
        return new AppClient(port());
    }

    /**
     * The indexes the product adds to Camunda's tables (sql/, named {@code zs_idx_*}) dropped again, so that stock runs
     * on Camunda's own schema (again after W3's second node has started: its start creates them, as any node's does).
     */
    void dropProductIndexes() throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            String sql = options.mysql()
                    ? "SELECT DISTINCT TABLE_NAME, INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND LOWER(INDEX_NAME) LIKE 'zs\\_idx\\_%'"
                    : "SELECT TABLE_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE LOWER(INDEX_NAME) LIKE 'zs\\_idx\\_%'";
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    indexes.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] index : indexes) {
                statement.execute(options.mysql() ? "DROP INDEX " + index[1] + " ON " + index[0]
                        : "DROP INDEX " + index[1]);
            }
        }
    }

    static void recreateDatabase(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl(), env("DB_USER", "root"),
                env("DB_PASSWORD", "")); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    static void dropDatabase(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl(), env("DB_USER", "root"),
                env("DB_PASSWORD", "")); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    static String serverUrl() {
        return "jdbc:mysql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "3306")
                + "/?useSSL=false&allowPublicKeyRetrieval=true";
    }

    /** A connection for bulk loading: batched INSERTs rewritten into multi-row ones on MySQL/MariaDB. */
    Connection loaderConnection() throws SQLException {
        if (!options.mysql()) {
            return dataSource().getConnection();
        }
        return DriverManager.getConnection("jdbc:mysql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "3306")
                + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true"
                + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&sendFractionalSeconds=false",
                env("DB_USER", "root"), env("DB_PASSWORD", ""));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
