package cn.zhaoshang.system;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a piece of work in its own transaction and runs it again when it lost a race that was not about the work itself:
 * five departments answering one written consultation in the same second all change the consultation's shared counters,
 * so the engine's optimistic locking rolls back all but one, though nobody took anybody's task. The whole transaction
 * is rolled back before each new attempt, so nothing is written twice; the work checks its task again each time, so a
 * race that really is about the same task (two officials completing it) still ends in that work's own 409.
 */
@Component
public class LostRaces {

    private final TransactionTemplate transactions;
    private final int attempts;

    LostRaces(PlatformTransactionManager transactionManager,
            @Value("${zhaoshang.concurrency.attempts:6}") int attempts) {
        if (attempts < 1 || attempts > 20) {
            throw new IllegalStateException("zhaoshang.concurrency.attempts must be 1..20, is " + attempts);
        }
        this.transactions = new TransactionTemplate(transactionManager);
        this.attempts = attempts;
    }

    public void run(Runnable work) {
        retry(() -> {
            work.run();
            return null;
        });
    }

    public <T> T retry(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a caller's transaction a lost race has doomed that whole transaction: the caller decides
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isLostRace(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static boolean isLostRace(RuntimeException e) {
        return e instanceof ApiException api ? "CONCURRENT_CHANGE".equals(api.toBody().error())
                : ConcurrencyFailures.isLostRace(e);
    }

    /** A short random wait, longer with each attempt, so the runners-up do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
