package cn.zhaoshang.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises "the database cannot be reached right now" however it surfaces — the pool timing out on a connection
 * during a restart, a connection cut in the middle of a statement or a commit — so that the caller gets a clean 503
 * "数据库暂不可用" instead of a 500. The transaction it happened in is not committed (the server rolls back a
 * transaction whose connection is gone), so nothing is half-written; the pool validates and replaces connections, so
 * the app recovers by itself once the database is back (application-mysql.yaml).
 */
public final class DatabaseOutage {

    public static final HttpStatus STATUS = HttpStatus.SERVICE_UNAVAILABLE;
    public static final String CODE = "DATABASE_UNAVAILABLE";
    public static final String MESSAGE = "数据库暂不可用，请稍后重试 / database unavailable, please retry shortly";
    /** seconds a client or a load balancer should wait before retrying (the pool's connection timeout is 5 s) */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final String HIKARI_CLOSED = "Connection is closed";

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            // MySQL Connector/J: "Communications link failure" (CommunicationsException, CJCommunicationsException)
            if (t.getClass().getSimpleName().contains("CommunicationsException")) {
                return true;
            }
            // a rollback on a connection the pool has already evicted hides the outage that caused it
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isOutage(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLException sql) {
                // HikariCP, using a connection it evicted as broken
                if (HIKARI_CLOSED.equals(sql.getMessage())) {
                    return true;
                }
                // SQLSTATE class 08: connection exception
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    return true;
                }
                if (sql.getNextException() != null && isOutage(sql.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    public static ApiError body() {
        return ApiError.of(STATUS, CODE, MESSAGE);
    }
}
