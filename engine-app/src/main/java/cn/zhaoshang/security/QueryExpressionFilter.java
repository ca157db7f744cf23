package cn.zhaoshang.security;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.zhaoshang.system.ApiError;
import cn.zhaoshang.system.CachedBodyRequest;

/**
 * The second layer in front of {@link QueryExpressionGuard}: before Camunda's REST resources parse a task query or a
 * filter, the request's parameters and JSON body are scanned for {@code ${…}} / {@code #{…}} — in {@code /task},
 * {@code /task/count} and a filter's execution none at all, in a filter's create/update only
 * {@link StoredQueryExpressions}; nested {@code orQueries} included, since every string of the body is scanned. Both
 * {@code /engine-rest} and the webapps' engine API ({@code /camunda/api/engine/engine/{name}}) are covered. Answers
 * 400 with the app's JSON error body.
 */
class QueryExpressionFilter extends OncePerRequestFilter {

    /** The query endpoints, below either REST root: group 1 is the part after the engine. */
    private static final Pattern QUERY_PATH = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/task(?:/count)?|/filter(?:/.*)?)/?$");
    /** Saving a filter: its stored query may keep the whitelisted functions. */
    private static final Pattern FILTER_SAVE = Pattern.compile("^/filter/(?:create|[^/]+)$");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<QueryExpressionFilter> queryExpressionFilter() {
            FilterRegistrationBean<QueryExpressionFilter> registration = new FilterRegistrationBean<>(
                    new QueryExpressionFilter());
            registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the decoded, normalised path the servlets match on (so %74ask is /task here too)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Matcher matcher = QUERY_PATH.matcher(path);
        if (!matcher.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        boolean saving = FILTER_SAVE.matcher(matcher.group(1)).matches()
                && ("POST".equals(method) || "PUT".equals(method));
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (refused(value, saving)) {
                    refuse(response, parameter.getKey(), value);
                    return;
                }
            }
        }
        if (!"POST".equals(method) && !"PUT".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String[] found = scan(body, saving);
        if (found != null) {
            refuse(response, found[0], found[1]);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean refused(String value, boolean saving) {
        return ExpressionRules.containsExpression(value) && !(saving && StoredQueryExpressions.isAllowed(value));
    }

    /** The JSON path and value of the first refused string, or null (a body that is not JSON is Camunda's to refuse). */
    private static String[] scan(byte[] body, boolean saving) {
        if (body.length == 0) {
            return null;
        }
        try {
            return scan(JSON.readTree(body), "", saving);
        } catch (IOException e) {
            return null; // not JSON: Camunda answers 400 itself
        }
    }

    private static String[] scan(JsonNode node, String path, boolean saving) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return refused(node.textValue(), saving) ? new String[] {path, node.textValue()} : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String[] found = scan(node.get(i), path + "[" + i + "]", saving);
                if (found != null) {
                    return found;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String[] found = scan(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), saving);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, String where, String value) throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        ApiError error = new ApiError(400, "EXPRESSION_NOT_ALLOWED", "查询中不允许使用表达式（${…} / #{…}）；已保存的过滤器"
                + "只能使用 ${currentUser()}、${currentUserGroups()}、${now()} / Expressions are not allowed in queries; "
                + "a stored filter may only use ${currentUser()}, ${currentUserGroups()} and ${now()}",
                List.of(new ApiError.FieldError(where, value)));
        response.getWriter().write(JSON.writeValueAsString(error));
    }
}
