package cn.zhaoshang.system;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up rules for MySQL/MariaDB against settings as a server reports them (the real server: MySqlSettingsIT). */
class MySqlSettingsTest {

    private static final String URL = "jdbc:mysql://db:3306/zhaoshang?characterEncoding=UTF-8&sendFractionalSeconds=false";

    private static MySqlSettings settings(String url, String isolation, String databaseCharset, String connectionCharset,
            long waitTimeoutSeconds, long maxLifetimeMillis) {
        return new MySqlSettings(url, new Properties(), isolation, databaseCharset, connectionCharset, connectionCharset,
                waitTimeoutSeconds, maxLifetimeMillis);
    }

    private static MySqlSettings good() {
        return settings(URL, "READ-COMMITTED", "utf8mb4", "utf8mb4", 28800, 1_500_000);
    }

    @Test
    void theShippedSettings_pass() {
        assertThat(good().problems()).isEmpty();
        assertThat(settings(URL, "READ COMMITTED", "utf8mb4", "utf8mb4", 600, 300_000).problems()).isEmpty();
    }

    @Test
    void repeatableRead_theServerDefault_isRefused() {
        assertThat(settings(URL, "REPEATABLE-READ", "utf8mb4", "utf8mb4", 28800, 1_500_000).problems())
                .singleElement().asString().contains("REPEATABLE-READ", "READ COMMITTED", "transaction-isolation");
        assertThat(settings(URL, "SERIALIZABLE", "utf8mb4", "utf8mb4", 28800, 1_500_000).problems()).hasSize(1);
    }

    @Test
    void latin1OrUtf8mb3_databaseOrConnection_isRefused() {
        assertThat(settings(URL, "READ-COMMITTED", "latin1", "utf8mb4", 28800, 1_500_000).problems())
                .singleElement().asString().contains("latin1", "utf8mb4", "数据库默认字符集");
        assertThat(settings(URL, "READ-COMMITTED", "utf8mb3", "utf8mb4", 28800, 1_500_000).problems()).hasSize(1);
        assertThat(settings(URL, "READ-COMMITTED", "utf8mb4", "utf8mb3", 28800, 1_500_000).problems())
                .singleElement().asString().contains("characterEncoding=UTF-8");
    }

    @Test
    void connectorJ_withoutSendFractionalSecondsFalse_isRefused() {
        String without = "jdbc:mysql://db:3306/zhaoshang?characterEncoding=UTF-8";
        assertThat(settings(without, "READ-COMMITTED", "utf8mb4", "utf8mb4", 28800, 1_500_000).problems())
                .singleElement().asString().contains("sendFractionalSeconds=false");
        assertThat(settings(without + "&sendFractionalSeconds=true", "READ-COMMITTED", "utf8mb4", "utf8mb4", 28800,
                1_500_000).problems()).hasSize(1);
        // as a driver property of the pool instead of in the URL
        Properties driver = new Properties();
        driver.setProperty("sendFractionalSeconds", "false");
        assertThat(new MySqlSettings(without, driver, "READ-COMMITTED", "utf8mb4", "utf8mb4", "utf8mb4", 28800, 1_500_000)
                .problems()).isEmpty();
        // MariaDB's own driver has no such setting
        assertThat(settings("jdbc:mariadb://db/zhaoshang", "READ-COMMITTED", "utf8mb4", "utf8mb4", 28800, 1_500_000)
                .problems()).isEmpty();
    }

    @Test
    void poolConnectionsOutlivingWaitTimeout_areRefused() {
        assertThat(settings(URL, "READ-COMMITTED", "utf8mb4", "utf8mb4", 600, 1_800_000).problems())
                .singleElement().asString().contains("max-lifetime", "wait_timeout", "600");
        assertThat(settings(URL, "READ-COMMITTED", "utf8mb4", "utf8mb4", 600, 0).problems()).hasSize(1);
        assertThat(settings(URL, "READ-COMMITTED", "utf8mb4", "utf8mb4", 600, -1).problems()).as("not a Hikari pool")
                .isEmpty();
    }

    @Test
    void everyProblemIsListed_andTheRefusalNamesThemAll() {
        MySqlSettings wrong = settings("jdbc:mysql://db/zhaoshang", "REPEATABLE-READ", "latin1", "latin1", 600, 0);
        assertThat(wrong.problems()).hasSize(5);
        DatabaseSettingsException refusal = new DatabaseSettingsException(wrong.problems());
        assertThat(refusal.getMessage()).startsWith("数据库设置不符合要求，系统拒绝启动").contains("REPEATABLE-READ", "latin1",
                "sendFractionalSeconds", "wait_timeout");
    }
}
