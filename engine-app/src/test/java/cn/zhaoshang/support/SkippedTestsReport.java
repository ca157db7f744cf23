package cn.zhaoshang.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says plainly, at the end of a run, which tests were skipped and why: disabled by a condition (MariaDB-only tests on
 * H2) or stopped by a failed assumption (browser tests without Chromium + chromedriver).
 */
public class SkippedTestsReport implements TestExecutionListener {

    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";

    private final List<String> skipped = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(test.getDisplayName() + " — " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
            return;
        }
        String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
        if (reason != null && reason.startsWith(ASSUMPTION_PREFIX)) {
            reason = reason.substring(ASSUMPTION_PREFIX.length());
        }
        skipped.add(test.getDisplayName() + " — " + reason);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (skipped.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("SKIPPED (" + skipped.size() + "):");
        skipped.forEach(line -> System.out.println("  SKIPPED: " + line));
        System.out.println();
    }
}
