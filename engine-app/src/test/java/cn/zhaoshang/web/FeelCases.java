package cn.zhaoshang.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every {@code conditional.hide} expression of the forms in forms/, and for each the contexts worth trying: every
 * variable it reads missing, null, true, false, each string it compares with and another one, and a few numbers
 * (rows of a dynamic list are the map under {@code this}). Used to hold FeelSubset against Camunda's FEEL engine and
 * the browser's evaluator against FeelSubset.
 */
final class FeelCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern PATH = Pattern.compile("(?<![\"\\w.])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false", "null");
    /** marks a variable left out of the context */
    static final Object MISSING = new Object();

    private FeelCases() {
    }

    record Case(String expression, Map<String, Object> context) {
    }

    /** The distinct hide expressions of all forms. */
    static List<String> formExpressions() {
        Set<String> expressions = new LinkedHashSet<>();
        for (Path file : formFiles()) {
            try {
                collect(JSON.readTree(file.toFile()).path("components"), expressions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(expressions);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String expression : formExpressions()) {
            cases.addAll(casesOf(expression));
        }
        return cases;
    }

    static List<Case> casesOf(String expression) {
        String body = expression.startsWith("=") ? expression.substring(1) : expression;
        List<Object> pool = new ArrayList<>(List.of(MISSING, nullValue(), true, false, "其他", new BigDecimal("0"),
                new BigDecimal("5"), new BigDecimal("-1")));
        Matcher strings = STRING.matcher(body);
        while (strings.find()) {
            if (!pool.contains(strings.group(1))) {
                pool.add(strings.group(1));
            }
        }
        List<String> paths = new ArrayList<>();
        Matcher names = PATH.matcher(STRING.matcher(body).replaceAll("\"\""));
        while (names.find()) {
            if (!KEYWORDS.contains(names.group(1)) && !paths.contains(names.group(1))) {
                paths.add(names.group(1));
            }
        }
        List<Map<String, Object>> contexts = new ArrayList<>();
        contexts.add(new LinkedHashMap<>());
        for (String path : paths) {
            List<Map<String, Object>> extended = new ArrayList<>();
            for (Map<String, Object> context : contexts) {
                for (Object value : pool) {
                    Map<String, Object> copy = deepCopy(context);
                    if (value != MISSING) {
                        put(copy, path, value == NULL ? null : value);
                    }
                    extended.add(copy);
                }
            }
            contexts = extended;
        }
        return contexts.stream().map(context -> new Case(expression, context)).toList();
    }

    private static final Object NULL = new Object();

    private static Object nullValue() {
        return NULL;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> context, String path, Object value) {
        String[] names = path.split("\\.");
        Map<String, Object> scope = context;
        for (int i = 0; i < names.length - 1; i++) {
            scope = (Map<String, Object>) scope.computeIfAbsent(names[i], k -> new LinkedHashMap<String, Object>());
        }
        scope.put(names[names.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> context) {
        Map<String, Object> copy = new LinkedHashMap<>();
        context.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }

    private static void collect(JsonNode components, Set<String> expressions) {
        for (JsonNode component : components) {
            String hide = component.path("conditional").path("hide").asText(null);
            if (hide != null) {
                expressions.add(hide);
            }
            collect(component.path("components"), expressions);
        }
    }

    static List<Path> formFiles() {
        URL url = FeelCases.class.getClassLoader().getResource("forms");
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".form")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
