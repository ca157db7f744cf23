package cn.zhaoshang.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are "the database is down right now" (503) and which are something else (the real thing: DatabaseOutageClusterIT). */
class DatabaseOutageTest {

    /** what MySQL Connector/J throws on a cut connection, by its name */
    static class CommunicationsException extends SQLException {
        CommunicationsException() {
            super("Communications link failure", "08S01");
        }
    }

    @Test
    void thePoolTimingOutDuringARestart_isAnOutage() {
        SQLTransientConnectionException hikari = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms.");
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("no connection", hikari))).isTrue();
        assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("begin", hikari))).isTrue();
        // as the engine wraps it: ProcessEngineException → MyBatis → SQLException
        assertThat(DatabaseOutage.isOutage(new ProcessEngineException("ENGINE-03004",
                new PersistenceException("### Error querying database", hikari)))).isTrue();
    }

    @Test
    void aConnectionCutMidStatementOrCommit_isAnOutage() {
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("commit", new CommunicationsException()))).isTrue();
        assertThat(DatabaseOutage.isOutage(new ProcessEngineException("flush", new SQLNonTransientConnectionException(
                "No operations allowed after connection closed.", "08003")))).isTrue();
        // the rollback after it fails too, on the connection the pool has evicted; the cause is kept aside
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new ProcessEngineException("insert", new CommunicationsException()));
        assertThat(DatabaseOutage.isOutage(rollback)).isTrue();
        SQLException batch = new SQLException("batch failed");
        batch.setNextException(new SQLException("gone", "08S01"));
        assertThat(DatabaseOutage.isOutage(batch)).isTrue();
    }

    @Test
    void lostRacesAndOtherErrors_areNot() {
        assertThat(DatabaseOutage.isOutage(new OptimisticLockingException("changed"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("Duplicate entry", "23000", 1062))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("bug"))).isFalse();
    }
}
