package cn.zhaoshang.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A refused database as Spring Boot's "APPLICATION FAILED TO START" block: what is wrong and what to change, instead of
 * a stack trace an operator has to read through (registered in META-INF/spring.factories).
 */
class DatabaseSettingsFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), "修正上述数据库设置后重新启动，要求见 docs/operations.md 的「MySQL 设置」"
                + " / fix the settings above and start again; the requirements are in docs/operations.md, \"MySQL settings\"",
                cause);
    }
}
