package cn.zhaoshang.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security in front of everything.
 * <ul>
 * <li>{@code /engine-rest/**}: HTTP Basic (Camunda Modeler deploys with it), stateless; the engine runs with
 * authorizations on and acts as the caller, so only {@code admin} may deploy.</li>
 * <li>{@code /api/**}: the domain API, HTTP Basic, same engine authorizations.</li>
 * <li>{@code /camunda/**}: Camunda's Tasklist/Cockpit/Admin authenticate against the same identity service
 * with their own session and CSRF token; their first-run "create admin" setup is closed here.</li>
 * </ul>
 */
@Configuration
class SecurityConfig {

    private static final String REALM = "zhaoshang";

    @Bean
    @Order(1)
    SecurityFilterChain engineRestSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        // path matchers, not MVC matchers: /engine-rest is served by Camunda's Jersey servlet, not by Spring MVC
        return statelessBasic(http.securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**"))), identityService)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        return http
                // the webapps carry their own CSRF protection (X-XSRF-TOKEN) and session login
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self' 'unsafe-eval' 'unsafe-inline'; "
                                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                        + "font-src 'self' data:; object-src 'none'; base-uri 'self'")))
                .authorizeHttpRequests(auth -> auth
                        // first-run setup would let anyone create an administrator while camunda-admin is empty
                        .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
                        .anyRequest().permitAll())
                .build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private HttpSecurity statelessBasic(HttpSecurity http, IdentityService identityService) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
                .headers(Customizer.withDefaults())
                .addFilterAfter(new CamundaAuthenticationFilter(identityService), AuthorizationFilter.class);
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            writeJson(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "请先登录（用户名或密码错误）/ Authentication required or bad credentials");
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> writeJson(response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                "无权执行此操作 / Access denied");
    }

    private static void writeJson(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ApiError.of(status, code, message).toJson());
    }
}
