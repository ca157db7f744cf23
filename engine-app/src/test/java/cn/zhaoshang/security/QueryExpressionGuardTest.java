package cn.zhaoshang.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The advisory on a stock Camunda 7.24 engine (no guard): ad-hoc expressions are refused at the top of a task query
 * but evaluated inside an OR query; and what {@link QueryExpressionGuard} refuses instead.
 */
class QueryExpressionGuardTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

    ProcessEngine processEngine;

    static String payload(Path marker) {
        return AttackPayloads.createsFile(marker);
    }

    @Test
    void aStockEngine_evaluatesAnExpressionInAnOrQuery_butNotAtTheTop() throws Exception {
        Path marker = Files.createTempDirectory("zs-advisory").resolve("pwned-" + UUID.randomUUID());
        assertThatThrownBy(() -> processEngine.getTaskService().createTaskQuery().taskAssigneeExpression(payload(marker))
                .list()).hasMessageContaining("Expressions are forbidden in adhoc queries");
        assertThat(marker).doesNotExist();

        // the advisory: the same expression one level down runs
        processEngine.getTaskService().createTaskQuery().or().taskAssigneeExpression(payload(marker)).endOr().list();
        assertThat(marker).as("the OR query's expression was evaluated on a stock engine").exists();
    }

    @Test
    void theGuard_refusesEveryPartOfAnAdHocQuery_andAllowsOnlyTheCallerAndTheTimeInStoredOnes() {
        TaskQueryImpl orQuery = (TaskQueryImpl) processEngine.getTaskService().createTaskQuery()
                .taskName("x").or().taskAssigneeExpression("${''.getClass()}").endOr();
        assertThatThrownBy(() -> QueryExpressionGuard.check(orQuery, false))
                .isInstanceOf(QueryExpressionRefusedException.class)
                .hasMessageContaining("orQueries[0].taskAssignee")
                .hasMessageContaining("查询中不允许使用表达式");

        TaskQueryImpl mine = (TaskQueryImpl) processEngine.getTaskService().createTaskQuery()
                .taskAssigneeExpression("${currentUser()}").or().taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr();
        QueryExpressionGuard.check(mine, true);
        assertThatThrownBy(() -> QueryExpressionGuard.check(mine, false)).isInstanceOf(QueryExpressionRefusedException.class);

        TaskQueryImpl storedEvil = (TaskQueryImpl) processEngine.getTaskService().createTaskQuery()
                .or().taskAssigneeExpression("${currentUser().getClass()}").endOr();
        assertThatThrownBy(() -> QueryExpressionGuard.check(storedEvil, true))
                .hasMessageContaining("已保存的任务过滤器只能使用");
    }
}
