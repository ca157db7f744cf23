package cn.zhaoshang.bench;

import java.util.List;
import java.util.Map;

/**
 * A configuration the workloads run against: the product as shipped ({@code tuned}), or the same app with the settings
 * a Camunda Spring Boot starter project has out of the box ({@code stock}): history level FULL, the starter's job
 * executor, none of the product's extra indexes, MySQL Connector/J without the product's connection properties and a
 * pool whose connections commit by themselves (Hikari's default).
 * The code is the same; only settings differ, so the ratio says what the settings gain.
 */
record Setting(String name, Map<String, String> properties, boolean withoutProductIndexes) {

    /** Connector/J properties a Camunda project needs to run at all on MySQL/MariaDB (UTF-8, no fractional seconds). */
    static final String STOCK_MYSQL_URL = "jdbc:mysql://${DB_HOST:127.0.0.1}:${DB_PORT:3306}/${DB_NAME}"
            + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin"
            + "&sendFractionalSeconds=false&useSSL=false&allowPublicKeyRetrieval=true";

    /**
     * The product as shipped, plus {@code -Dbench.tunedArgs=key=value,key=value}: a setting under trial (e.g. the job
     * executor's back-off), measured before it goes into application.yaml.
     */
    static Setting tuned() {
        Map<String, String> trial = new java.util.LinkedHashMap<>();
        for (String pair : System.getProperty("bench.tunedArgs", "").split(",")) {
            if (!pair.isBlank()) {
                int equals = pair.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("bench.tunedArgs takes key=value pairs, not " + pair);
                }
                trial.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return new Setting("tuned", trial, false);
    }

    static Setting stock(boolean mysql) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("camunda.bpm.history-level", "full");
        // Hikari's default: every transaction switches autocommit off and on again
        properties.put("spring.datasource.hikari.auto-commit", "true");
        // the starter's JobExecutor defaults (camunda-bpm-spring-boot-starter JobExecutionProperty)
        properties.put("camunda.bpm.job-execution.core-pool-size", "3");
        properties.put("camunda.bpm.job-execution.max-pool-size", "10");
        properties.put("camunda.bpm.job-execution.queue-capacity", "3");
        properties.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "3");
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "5000");
        properties.put("camunda.bpm.job-execution.max-wait", "60000");
        properties.put("camunda.bpm.job-execution.backoff-time-in-millis", "0");
        properties.put("camunda.bpm.generic-properties.properties.jdbc-batch-processing", "true");
        properties.put("camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date", "false");
        if (mysql) {
            properties.put("spring.datasource.url", STOCK_MYSQL_URL);
        }
        return new Setting("stock", properties, true);
    }

    /**
     * Both, tuned first; or those {@code -Dbench.settings} names, in its order ({@code tuned} alone to try a change
     * without the stock run's time; {@code stock,tuned} to see what running second does to a figure).
     */
    static List<Setting> all(boolean mysql) {
        String only = System.getProperty("bench.settings", "");
        if (only.isBlank()) {
            return List.of(tuned(), stock(mysql));
        }
        return java.util.Arrays.stream(only.split(",")).map(String::strip).map(name -> switch (name) {
            case "tuned" -> tuned();
            case "stock" -> stock(mysql);
            default -> throw new IllegalArgumentException("bench.settings names tuned and stock, not " + name);
        }).toList();
    }

    /** As command-line arguments of the packaged app ({@code --key=value}). */
    List<String> arguments() {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }
}
