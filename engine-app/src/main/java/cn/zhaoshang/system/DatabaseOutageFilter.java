package cn.zhaoshang.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * The outermost filter: a database outage met before a controller runs — loading the shared session (Spring Session
 * JDBC), checking a password against the identity service, a Camunda webapp's or {@code /engine-rest}'s servlet —
 * becomes a 503 with {@link DatabaseOutage#MESSAGE} (JSON, or a short Chinese page for a browser) instead of
 * Tomcat's 500. Inside the controllers {@link ApiExceptionHandler} and the workbench's error advice answer the same.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    /** before Spring Session's filter (Integer.MIN_VALUE + 50), which reads the session from the database */
    static final int ORDER = Integer.MIN_VALUE + 10;

    /** for a browser: no template (rendering one may be what failed) */
    private static final String PAGE = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
            + "<title>数据库暂不可用</title></head><body><h1>数据库暂不可用</h1><p>系统正在恢复与数据库的连接，请稍后刷新本页，"
            + "确认刚才的操作是否已经保存。</p><p>Database unavailable, please retry shortly.</p></body></html>";

    private static String ascii(String text, boolean html) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 128) {
                out.append((char) c);
            } else if (html) {
                out.append("&#x").append(Integer.toHexString(c)).append(';');
            } else {
                for (char unit : Character.toChars(c)) {
                    out.append(String.format("\\u%04x", (int) unit));
                }
            }
        });
        return out.toString();
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
            FilterRegistrationBean<DatabaseOutageFilter> registration =
                    new FilterRegistrationBean<>(new DatabaseOutageFilter());
            registration.setOrder(ORDER);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
            write(request, response);
        }
    }

    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // an error page whose rendering failed (saving the session as the page is flushed) leaves Spring MVC's error
        // attributes behind, from which Tomcat would make its own 500 page over this one
        WebUtils.clearErrorRequestAttributes(request);
        response.resetBuffer();
        response.setStatus(DatabaseOutage.STATUS.value());
        response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        String accept = request.getHeader("Accept");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean page = accept != null && accept.contains("text/html") && !path.startsWith("/api/")
                && !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/");
        String body = page ? PAGE : DatabaseOutage.body().toJson();
        response.setContentType((page ? MediaType.TEXT_HTML_VALUE : MediaType.APPLICATION_JSON_VALUE) + ";charset=UTF-8");
        try {
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException writerInUse) {
            // the failed page had taken the writer, whose character set can no longer change: if it is not UTF-8,
            // the Chinese goes as character references (HTML) or escapes (JSON), which read the same
            boolean utf8 = "UTF-8".equalsIgnoreCase(response.getCharacterEncoding());
            response.getWriter().write(utf8 ? body : ascii(body, page));
        }
    }
}
