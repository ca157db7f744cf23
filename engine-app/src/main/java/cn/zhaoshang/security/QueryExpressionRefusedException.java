package cn.zhaoshang.security;

import org.camunda.bpm.engine.BadUserRequestException;

/** An expression in a query where none (or not this one) may be: REST answers 400 with this message. */
public class QueryExpressionRefusedException extends BadUserRequestException {

    private static final long serialVersionUID = 1L;

    QueryExpressionRefusedException(String where, String expression, boolean stored) {
        super((stored
                ? "已保存的任务过滤器只能使用 ${currentUser()}、${currentUserGroups()}、${now()}，不能使用 "
                : "查询中不允许使用表达式，")
                + where + " = " + expression + " / "
                + (stored
                        ? "A stored task filter may only use ${currentUser()}, ${currentUserGroups()} and ${now()}, not "
                        : "Expressions are not allowed in queries: ")
                + where + " = " + expression);
    }
}
