package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of FEEL that the forms' {@code conditional.hide} expressions use, evaluated on the server so a submitted
 * form keeps only the fields a person could see, exactly as form-js in Camunda's Tasklist does. The browser runs the
 * same grammar (static/js/task-form.js) to hide fields as the person types; FeelSubsetTest checks this one against
 * Camunda's FEEL engine, the browser test checks the script against this one.
 *
 * <pre>
 * expression := or
 * or         := and ("or" and)*
 * and        := comparison ("and" comparison)*
 * comparison := operand (("=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") operand)?
 * operand    := "not" "(" expression ")" | "(" expression ")" | string | number | true | false | null | path
 * path       := name ("." name)*          -- "this" is the row of a dynamic list
 * </pre>
 * FEEL's three-valued logic is kept: comparing with a missing value gives null (except {@code = null}), "and"/"or"
 * treat null as unknown, and a field is hidden only when its expression is exactly {@code true}.
 */
final class FeelSubset {

    private static final Map<String, Node> PARSED = new ConcurrentHashMap<>();

    private FeelSubset() {
    }

    /** A form-js hide condition ("=..." or plain) is true for these values (a missing key is null). */
    static boolean isTrue(String expression, Map<String, ?> context) {
        return Boolean.TRUE.equals(evaluate(expression, context));
    }

    static Object evaluate(String expression, Map<String, ?> context) {
        return parse(expression).eval(context);
    }

    /** Parses (once per distinct expression); an expression outside the subset is an IllegalArgumentException. */
    static Node parse(String expression) {
        String source = expression.strip();
        String body = source.startsWith("=") ? source.substring(1) : source;
        return PARSED.computeIfAbsent(body, text -> new Parser(text).parseAll());
    }

    interface Node {
        Object eval(Map<String, ?> context);
    }

    private record Literal(Object value) implements Node {
        public Object eval(Map<String, ?> context) {
            return value;
        }
    }

    private record Path(List<String> names) implements Node {
        public Object eval(Map<String, ?> context) {
            Object value = context.get(names.get(0));
            for (int i = 1; i < names.size(); i++) {
                value = value instanceof Map<?, ?> map ? map.get(names.get(i)) : null;
            }
            return normalise(value);
        }
    }

    private record Not(Node operand) implements Node {
        public Object eval(Map<String, ?> context) {
            return operand.eval(context) instanceof Boolean b ? !b : null;
        }
    }

    private record Logic(boolean and, List<Node> operands) implements Node {
        public Object eval(Map<String, ?> context) {
            boolean unknown = false;
            for (Node operand : operands) {
                Object value = operand.eval(context);
                if (value instanceof Boolean b) {
                    if (b != and) {
                        return b; // false decides an "and", true decides an "or"
                    }
                } else {
                    unknown = true;
                }
            }
            return unknown ? null : and;
        }
    }

    private record Comparison(String operator, Node left, Node right) implements Node {
        public Object eval(Map<String, ?> context) {
            Object a = left.eval(context);
            Object b = right.eval(context);
            if (operator.equals("=") || operator.equals("!=")) {
                Boolean equal = equal(a, b);
                return equal == null ? null : operator.equals("=") == equal;
            }
            Integer order = compare(a, b);
            if (order == null) {
                return null;
            }
            return switch (operator) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        }

        private static Boolean equal(Object a, Object b) {
            if (a == null || b == null) {
                return a == b;
            }
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            if (a.getClass() != b.getClass()) {
                return null; // FEEL: values of different types are not comparable
            }
            return Objects.equals(a, b);
        }

        private static Integer compare(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y);
            }
            if (a instanceof String x && b instanceof String y) {
                return x.compareTo(y);
            }
            return null;
        }
    }

    /** Values as FEEL sees them: every number a decimal; anything else unchanged. */
    static Object normalise(Object value) {
        if (value instanceof BigDecimal || value == null) {
            return value;
        }
        if (value instanceof Number number) {
            return value instanceof Double || value instanceof Float ? BigDecimal.valueOf(number.doubleValue())
                    : new BigDecimal(number.toString());
        }
        return value;
    }

    private static final class Parser {

        private final List<String> tokens;
        private int next;

        Parser(String text) {
            this.tokens = tokenize(text);
        }

        Node parseAll() {
            Node node = or();
            if (next != tokens.size()) {
                throw unsupported("unexpected '" + tokens.get(next) + "'");
            }
            return node;
        }

        private Node or() {
            List<Node> operands = new ArrayList<>(List.of(and()));
            while (accept("or")) {
                operands.add(and());
            }
            return operands.size() == 1 ? operands.get(0) : new Logic(false, operands);
        }

        private Node and() {
            List<Node> operands = new ArrayList<>(List.of(comparison()));
            while (accept("and")) {
                operands.add(comparison());
            }
            return operands.size() == 1 ? operands.get(0) : new Logic(true, operands);
        }

        private Node comparison() {
            Node left = operand();
            for (String operator : List.of("=", "!=", "<=", ">=", "<", ">")) {
                if (accept(operator)) {
                    return new Comparison(operator, left, operand());
                }
            }
            return left;
        }

        private Node operand() {
            if (next >= tokens.size()) {
                throw unsupported("unexpected end");
            }
            String token = tokens.get(next++);
            switch (token) {
                case "not" -> {
                    expect("(");
                    Node inner = or();
                    expect(")");
                    return new Not(inner);
                }
                case "(" -> {
                    Node inner = or();
                    expect(")");
                    return inner;
                }
                case "true" -> {
                    return new Literal(Boolean.TRUE);
                }
                case "false" -> {
                    return new Literal(Boolean.FALSE);
                }
                case "null" -> {
                    return new Literal(null);
                }
                default -> {
                    if (token.startsWith("\"")) {
                        return new Literal(token.substring(1, token.length() - 1).replace("\\\"", "\"")
                                .replace("\\\\", "\\"));
                    }
                    if (Character.isDigit(token.charAt(0)) || token.charAt(0) == '-') {
                        return new Literal(new BigDecimal(token));
                    }
                    if (!isName(token)) {
                        throw unsupported("unexpected '" + token + "'");
                    }
                    List<String> names = new ArrayList<>(List.of(token));
                    while (accept(".")) {
                        String name = next < tokens.size() ? tokens.get(next++) : "";
                        if (!isName(name)) {
                            throw unsupported("a name must follow '.'");
                        }
                        names.add(name);
                    }
                    return new Path(names);
                }
            }
        }

        private boolean accept(String token) {
            if (next < tokens.size() && tokens.get(next).equals(token)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw unsupported("'" + token + "' expected");
            }
        }

        private static boolean isName(String token) {
            return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_')
                    && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
                    && !List.of("and", "or", "not", "true", "false", "null").contains(token);
        }

        private static List<String> tokenize(String text) {
            List<String> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"') {
                    int end = i + 1;
                    while (end < text.length() && text.charAt(end) != '"') {
                        end += text.charAt(end) == '\\' ? 2 : 1;
                    }
                    if (end >= text.length()) {
                        throw unsupported("unterminated string");
                    }
                    tokens.add(text.substring(i, end + 1));
                    i = end + 1;
                } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length()
                        && Character.isDigit(text.charAt(i + 1)) && startsOperand(tokens))) {
                    int end = i + 1;
                    while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                        end++;
                    }
                    tokens.add(text.substring(i, end));
                    i = end;
                } else if (Character.isLetter(c) || c == '_') {
                    int end = i + 1;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                        end++;
                    }
                    tokens.add(text.substring(i, end));
                    i = end;
                } else if ((c == '!' || c == '<' || c == '>') && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                    tokens.add(text.substring(i, i + 2));
                    i += 2;
                } else if ("=<>().".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    throw unsupported("unexpected character '" + c + "'");
                }
            }
            return tokens;
        }

        /** A minus starts a negative number only where an operand may start (not after a name or a number). */
        private static boolean startsOperand(List<String> tokens) {
            if (tokens.isEmpty()) {
                return true;
            }
            String last = tokens.get(tokens.size() - 1);
            return List.of("=", "!=", "<", "<=", ">", ">=", "(", "and", "or").contains(last);
        }

        private static IllegalArgumentException unsupported(String why) {
            return new IllegalArgumentException("not in the FEEL subset of the workbench forms: " + why);
        }
    }
}
