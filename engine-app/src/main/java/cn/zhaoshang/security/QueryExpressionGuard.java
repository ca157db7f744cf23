package cn.zhaoshang.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;

/**
 * Closes the Camunda 7.24 CE advisory "JUEL in a task query's {@code orQueries} is evaluated for any logged-in user":
 * the engine refuses expressions in ad-hoc queries ({@code enableExpressionsInAdhocQueries=false}) but checks only the
 * top query, while every nested OR query is evaluated unchecked (TaskQueryImpl#ensureOrExpressionsEvaluated). This
 * interceptor checks every part of every query before the engine runs it, whichever way it arrives (REST
 * {@code /task}, {@code /task/count}, the webapps' engine API, the Java API):
 * <ul>
 * <li>an ad-hoc query, or the extending query of a filter execution: no expression anywhere;</li>
 * <li>a stored filter, when it is saved and again when it is executed (a filter saved before this rule): only
 * {@link StoredQueryExpressions}.</li>
 * </ul>
 */
class QueryExpressionGuard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AbstractQuery<?, ?> query) {
            check(query, false);
        } else if (command instanceof SaveFilterCmd) {
            Filter filter = CommandFields.read(command, "filter", Filter.class);
            if (filter != null && filter.getQuery() instanceof AbstractQuery<?, ?> stored) {
                check(stored, true);
            }
        } else if (command instanceof AbstractExecuteFilterCmd) {
            if (CommandFields.read(command, "extendingQuery", Object.class) instanceof AbstractQuery<?, ?> extending) {
                check(extending, false);
            }
            String filterId = CommandFields.read(command, "filterId", String.class);
            FilterEntity filter = filterId == null ? null
                    : Context.getCommandContext().getDbEntityManager().selectById(FilterEntity.class, filterId);
            if (filter != null && filter.getQuery() instanceof AbstractQuery<?, ?> stored) {
                check(stored, true);
            }
        }
        return next.execute(command);
    }

    /** The query and, for a task query, each of its OR queries ({@code getQueries()} starts with the query itself). */
    static void check(AbstractQuery<?, ?> query, boolean stored) {
        List<? extends AbstractQuery<?, ?>> parts = query instanceof TaskQueryImpl task ? task.getQueries() : List.of(query);
        for (int i = 0; i < parts.size(); i++) {
            for (Map.Entry<String, String> expression : parts.get(i).getExpressions().entrySet()) {
                if (!stored || !StoredQueryExpressions.isAllowed(expression.getValue())) {
                    String where = i == 0 ? expression.getKey() : "orQueries[" + (i - 1) + "]." + expression.getKey();
                    throw new QueryExpressionRefusedException(where, expression.getValue(), stored);
                }
            }
        }
    }
}
