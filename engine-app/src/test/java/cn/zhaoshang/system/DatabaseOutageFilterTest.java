package cn.zhaoshang.system;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outermost filter turns an outage met anywhere below it into a clean 503 (on the real stack: DatabaseOutageClusterIT). */
class DatabaseOutageFilterTest {

    private static final CannotCreateTransactionException OUTAGE = new CannotCreateTransactionException(
            "Could not open JDBC Connection for transaction", new SQLTransientConnectionException("timed out"));

    @Test
    void anOutageInTheSessionStoreOrALogin_isA503Json_forTheApi() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/leads");
        request.addHeader("Accept", "application/json");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DatabaseOutageFilter().doFilter(request, response, (req, res) -> {
            throw OUTAGE;
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("\"error\":\"DATABASE_UNAVAILABLE\"", "数据库暂不可用");
    }

    @Test
    void anErrorPageThatFailedWhileSavingTheSession_becomesThe503Page_notTomcats500() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tasks");
        request.addHeader("Accept", "text/html,application/xhtml+xml");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DatabaseOutageFilter().doFilter(request, response, (req, res) -> {
            // Spring MVC exposed its error attributes for the error view, whose rendering then failed
            req.setAttribute(RequestDispatcher.ERROR_EXCEPTION, OUTAGE);
            res.getWriter().write("<html>half a page");
            throw new ServletException("Request processing failed", OUTAGE);
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)).isNull();
        String page = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("half a page");
        // as text, or as character references where the failed page's writer could not be switched to UTF-8
        assertThat(page.contains("数据库暂不可用") || page.contains("&#x6570;&#x636e;&#x5e93;&#x6682;&#x4e0d;&#x53ef;&#x7528;"))
                .as(page).isTrue();
    }

    @Test
    void aBrowserGetsAChinesePage_inUtf8() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DatabaseOutageFilter().doFilter(request, response, (req, res) -> {
            throw OUTAGE;
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("<h1>数据库暂不可用</h1>");
    }

    @Test
    void otherFailures_passThrough() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tasks");
        assertThatThrownBy(() -> new DatabaseOutageFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
