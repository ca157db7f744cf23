package cn.zhaoshang.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Says plainly, at the end of a run, which tests were skipped and why (e.g. MariaDB-only tests on H2). */
public class SkippedTestsReport implements TestExecutionListener {

    private final List<String> skipped = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
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
