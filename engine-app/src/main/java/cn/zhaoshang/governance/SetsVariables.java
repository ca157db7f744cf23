package cn.zhaoshang.governance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process variables a delegate or listener sets, declared for the deployment check (docs/governance.md): a
 * business rule task's decision inputs must be set before the task, and a bean named by
 * {@code camunda:delegateExpression} on an element before it counts as setting these.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SetsVariables {

    String[] value();
}
