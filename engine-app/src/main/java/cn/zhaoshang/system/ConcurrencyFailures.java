package cn.zhaoshang.system;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Recognises a lost race, however it surfaces: Camunda's optimistic locking, or the database choosing a
 * deadlock victim or timing out on a row lock (MySQL/MariaDB under READ COMMITTED). The loser's transaction
 * is rolled back whole, so the caller is told "someone else was faster" (409), never a 500.
 */
public final class ConcurrencyFailures {

    /** MySQL/MariaDB: deadlock found, lock wait timeout exceeded. */
    private static final int ER_LOCK_DEADLOCK = 1213;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

    private ConcurrencyFailures() {
    }

    public static boolean isLostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException
                    || t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == ER_LOCK_DEADLOCK
                        || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT) {
                    return true;
                }
                if (sql.getNextException() != null && isLostRace(sql.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }
}
