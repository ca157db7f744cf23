package cn.zhaoshang.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a JUEL expression in a deployed model may do (docs/security.md "The deployment rule"). An expression is parsed
 * with the engine's own JUEL parser and its syntax tree is walked; everything not named here is refused:
 * <ul>
 * <li>a name that is a Spring bean must be on the model-bean allow-list ({@link BeanCatalog}); any other name is a
 * process variable;</li>
 * <li>members (a method call or a property, which JUEL turns into a getter call) only: on an allowed bean, its own
 * public methods (declared in the app's code); on {@code execution} / {@code task}, the variable accessors and a few
 * read-only ids ({@link #CONTEXT_MEMBERS}); on any other value, the read-only accessors of decision results, lists,
 * maps, JSON values and dates ({@link #VALUE_MEMBERS}) — so no {@code getClass()}, no
 * {@code getProcessEngineServices()}, no reflection, no engine services;</li>
 * <li>functions only {@link #FUNCTIONS}; a member chosen at run time ({@code x[name]}) is refused because it cannot
 * be checked.</li>
 * </ul>
 */
public final class ExpressionRules {

    /** Camunda's built-in functions: the time and the caller, nothing that reaches further. */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /** The objects Camunda puts into an expression's scope besides variables and beans. */
    static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");

    /** On {@code execution} and {@code task}: process variables and read-only ids, never the engine behind them. */
    static final Set<String> CONTEXT_MEMBERS = Set.of(
            "getVariable", "getVariableLocal", "getVariableTyped", "getVariableLocalTyped", "setVariable",
            "setVariableLocal", "removeVariable", "removeVariableLocal", "hasVariable", "hasVariableLocal",
            "getId", "id", "getProcessInstanceId", "processInstanceId", "getProcessBusinessKey", "processBusinessKey",
            "getBusinessKey", "businessKey", "getCurrentActivityId", "currentActivityId", "getCurrentActivityName",
            "currentActivityName", "getActivityInstanceId", "activityInstanceId", "getEventName", "eventName",
            "getProcessDefinitionId", "processDefinitionId", "getTenantId", "tenantId", "getExecutionId", "executionId",
            "getName", "name", "getAssignee", "assignee", "getOwner", "owner", "getTaskDefinitionKey",
            "taskDefinitionKey", "getDueDate", "dueDate", "getPriority", "priority", "getCreateTime", "createTime");

    /** On values (variables, results of allowed calls): reading them, not reaching through them. */
    static final Set<String> VALUE_MEMBERS = Set.of(
            // decision results (business rule tasks' decisionResult)
            "getSingleResult", "singleResult", "getFirstResult", "firstResult", "getResultList", "resultList",
            "getEntry", "getSingleEntry", "singleEntry", "getEntryMap", "entryMap", "collectEntries",
            // collections, maps, strings, typed values
            "get", "size", "isEmpty", "empty", "contains", "containsKey", "length", "getValue", "value",
            // dateTime() arithmetic
            "plusDays", "plusHours", "plusMinutes", "plusWeeks", "plusMonths", "plusYears", "minusDays", "minusHours",
            "minusMinutes", "minusWeeks", "minusMonths", "minusYears", "toDate",
            // JSON variables (Spin)
            "prop", "hasProp", "stringValue", "numberValue", "boolValue", "isNull", "elements", "isArray", "isObject",
            "isString", "isNumber", "isBoolean");

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    /** Which names are Spring beans, and which of them (and which of their members) models may use. */
    public interface BeanCatalog {

        boolean isBean(String name);

        boolean isAllowed(String name);

        boolean allowsMember(String bean, String member);
    }

    /** One broken rule: its code (docs/security.md) and what a person reads. */
    public record Finding(String rule, String message) {
    }

    private final BeanCatalog beans;

    public ExpressionRules(BeanCatalog beans) {
        this.beans = beans;
    }

    /** True when the text holds an expression the engine would evaluate. */
    public static boolean containsExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** The broken rules of one attribute value or element text (plain text and composite text included). */
    public List<Finding> check(String text) {
        List<Finding> findings = new ArrayList<>();
        if (!containsExpression(text)) {
            return findings;
        }
        Node root;
        try {
            root = PARSER.build(text).getRoot();
        } catch (TreeBuilderException e) {
            findings.add(new Finding("EXPRESSION_SYNTAX", "表达式无法解析 / The expression cannot be parsed: " + text));
            return findings;
        }
        walk(root, findings);
        return findings;
    }

    private sealed interface Kind permits Bean, Context, Value, Refused {
    }

    private record Bean(String name) implements Kind {
    }

    private record Context(String name) implements Kind {
    }

    private record Value() implements Kind {
    }

    /** Already reported: the rest of a chain adds nothing a person needs to read. */
    private record Refused() implements Kind {
    }

    private static final Kind VALUE = new Value();
    private static final Kind REFUSED = new Refused();

    private Kind walk(Node node, List<Finding> findings) {
        if (node instanceof AstIdentifier identifier) {
            return identifier(identifier.getName(), findings);
        }
        if (node instanceof AstFunction function) {
            String name = function.getName();
            if (!FUNCTIONS.contains(name)) {
                findings.add(new Finding("EXPRESSION_FUNCTION", "表达式只能调用 now()、dateTime()、currentUser()、"
                        + "currentUserGroups()，不能调用 " + name + "() / Only the functions now(), dateTime(), "
                        + "currentUser() and currentUserGroups() are allowed, not " + name + "()"));
            }
            walkChildren(node, 0, findings);
            return VALUE;
        }
        if (node instanceof AstMethod method) {
            AstProperty property = (AstProperty) method.getChild(0);
            Kind result = member(property, findings);
            walkChildren(method.getChild(1), 0, findings);
            return result;
        }
        if (node instanceof AstProperty property) {
            return member(property, findings);
        }
        walkChildren(node, 0, findings);
        return VALUE;
    }

    private void walkChildren(Node node, int from, List<Finding> findings) {
        for (int i = from; i < node.getCardinality(); i++) {
            walk(node.getChild(i), findings);
        }
    }

    private Kind identifier(String name, List<Finding> findings) {
        if (CONTEXT_OBJECTS.contains(name)) {
            return new Context(name);
        }
        if (beans.isBean(name)) {
            if (beans.isAllowed(name)) {
                return new Bean(name);
            }
            findings.add(new Finding("EXPRESSION_BEAN", "表达式引用了不在流程模型白名单上的 Bean「" + name
                    + "」 / The expression references the bean '" + name + "', which models may not use"));
            return REFUSED;
        }
        return VALUE; // a process variable
    }

    /** {@code base.member} or {@code base.member(…)}: allowed by what the base is. */
    private Kind member(AstProperty property, List<Finding> findings) {
        Kind base = walk(property.getChild(0), findings);
        if (base instanceof Refused) {
            return REFUSED;
        }
        String member = memberName(property);
        if (member == null) {
            if (property instanceof AstBracket bracket && bracket.getChild(1) instanceof AstNumber && base instanceof Value) {
                return VALUE; // list[0]
            }
            if (property instanceof AstBracket bracket) {
                walk(bracket.getChild(1), findings);
            }
            findings.add(new Finding("EXPRESSION_DYNAMIC_MEMBER", "表达式不能用运行时才确定的名称访问成员（x[…]）"
                    + " / A member chosen at run time (x[…]) cannot be checked and is not allowed"));
            return REFUSED;
        }
        boolean allowed;
        String onChinese;
        String onEnglish;
        if (base instanceof Bean bean) {
            allowed = beans.allowsMember(bean.name(), member);
            onChinese = "Bean " + bean.name() + " 上";
            onEnglish = "the bean " + bean.name();
        } else if (base instanceof Context context) {
            allowed = CONTEXT_MEMBERS.contains(member);
            onChinese = context.name() + " 上";
            onEnglish = context.name();
        } else {
            allowed = VALUE_MEMBERS.contains(member);
            onChinese = "变量或结果上";
            onEnglish = "a variable or result";
        }
        if (!allowed) {
            findings.add(new Finding("EXPRESSION_MEMBER", "表达式访问了" + onChinese + "不允许的成员「" + member
                    + "」 / The expression uses the member '" + member + "' of " + onEnglish + ", which is not allowed"));
            return REFUSED;
        }
        return VALUE;
    }

    /** The member's name when it is written in the expression ({@code .name}, {@code ['name']}), else null. */
    private static String memberName(AstProperty property) {
        if (property instanceof AstDot dot) {
            return dot.toString().substring(2); // AstDot prints ". name"
        }
        if (property instanceof AstBracket bracket && bracket.getChild(1) instanceof AstString literal) {
            return String.valueOf(literal.eval(null, null));
        }
        return null;
    }
}
