package cn.zhaoshang.system;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security in front of everything.
 * <ul>
 * <li>{@code /engine-rest/**}: HTTP Basic (Camunda Modeler deploys with it), stateless; the engine runs with
 * authorizations on and acts as the caller, so only {@code admin} may deploy.</li>
 * <li>{@code /api/**}: the domain API, HTTP Basic, same engine authorizations.</li>
 * <li>the workbench ({@code /}, {@code /login}, {@code /logout}, {@code /admin/**}, {@code /css/**}; pages in
 * {@code cn.zhaoshang.web}): form login against the same users, a session, Spring Security's CSRF token in every form,
 * a strict content security policy; {@code /admin/**} for the {@code admin} group, anyone else gets the 403 page.</li>
 * <li>{@code /camunda/**} and everything else: Camunda's Tasklist/Cockpit/Admin authenticate against the same identity
 * service with their own session and CSRF token; their first-run "create admin" setup is closed here.</li>
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

    /** The paths of the workbench; a new page outside these needs its path here, or the webapps' chain takes it. */
    private static final String[] WORKBENCH_PATHS = {"/", "/login", "/logout", "/admin/**", "/tasks/**", "/ledger/**",
            "/projects/**", "/leads/**", "/appeals/**", "/incentives/**", "/dashboard/**", "/assessment/**", "/css/**", "/js/**", "/webjars/**", "/_static/**",
            "/favicon.ico"};

    /** No inline script or style anywhere in the workbench: what is not served by the app itself does not run. */
    private static final String WORKBENCH_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain workbenchSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        RequestMatcher[] workbench = Arrays.stream(WORKBENCH_PATHS).map(SecurityConfig::path)
                .toArray(RequestMatcher[]::new);
        return http
                .securityMatcher(new OrRequestMatcher(workbench))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/css/**"), path("/js/**"), path("/webjars/**"), path("/_static/**"),
                                path("/favicon.ico")).permitAll()
                        // the login page with any reason (?error, ?wait=N, ?locked): formLogin's permitAll matches
                        // the exact URLs it knows, query included
                        .requestMatchers(path("/login")).permitAll()
                        .requestMatchers(path("/admin/**"))
                        .hasAuthority(IdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Groups.ADMIN)
                        .anyRequest().authenticated())
                // the session keeps the login; CSRF stays on (Thymeleaf's th:action forms carry the token)
                .formLogin(form -> form.loginPage("/login").failureHandler(SecurityConfig::loginRefused)
                        .defaultSuccessUrl("/").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // the error dispatch renders templates/error/403.html (Chinese), not a stack trace
                .exceptionHandling(ex -> ex.accessDeniedHandler(
                        (request, response, e) -> response.sendError(HttpStatus.FORBIDDEN.value())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(WORKBENCH_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                // pages that later call the engine (待办、已办) act as the logged-in official, as the API does
                .addFilterAfter(new CamundaAuthenticationFilter(identityService), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        return http
                // the webapps carry their own CSRF protection (X-XSRF-TOKEN) and session login
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
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

    /** The login page says why: wrong password, wait (Camunda's delay after one), or locked (administrator unlocks). */
    private static void loginRefused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = e instanceof LockedException ? "locked"
                : e instanceof LoginDelayedException delayed ? "wait=" + delayed.seconds()
                : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + reason);
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
                // Spring's defaults (nosniff, DENY, no-store, HSTS on https) and no Referer to other sites
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
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
