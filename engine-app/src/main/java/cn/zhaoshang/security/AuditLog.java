package cn.zhaoshang.security;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.zhaoshang.system.EngineClock;

/**
 * Writes the audit log of administrators' actions. {@link #record} joins the caller's transaction (the engine
 * command's, or the domain service's), so the row exists exactly when the change does; {@link #recordRefusal} writes
 * in a transaction of its own, because the refused change rolls back.
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";
    private static final int MAX_DETAILS = 4000;
    private static final int MAX_TARGET = 255;
    private static final int MAX_SOURCE = 300;

    private final AuditMapper mapper;
    private final TransactionTemplate separately;

    AuditLog(AuditMapper mapper, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A change that succeeded, by the current actor, in the current transaction. */
    public void record(AuditAction action, String target, String details) {
        record(currentActor(), action, target, details);
    }

    public void record(String actor, AuditAction action, String target, String details) {
        mapper.insert(entry(actor, action, AuditEntry.SUCCEEDED, target, details));
    }

    /** A refused change: kept although the change itself is rolled back. */
    public void recordRefusal(AuditAction action, String target, String details) {
        AuditEntry entry = entry(currentActor(), action, AuditEntry.REFUSED, target, details);
        separately.executeWithoutResult(status -> mapper.insert(entry));
    }

    public List<AuditEntry> search(Instant from, Instant to, String actor, String action, int offset, int limit) {
        return mapper.search(from, to, actor, action, offset, limit);
    }

    /** The {@code DEPLOYMENT_CREATED} rows of these deployments (who deployed, when, from where), by deployment id. */
    public java.util.Map<String, AuditEntry> deployments(java.util.Collection<String> deploymentIds) {
        java.util.Map<String, AuditEntry> byId = new java.util.HashMap<>();
        if (!deploymentIds.isEmpty()) {
            mapper.deployments(deploymentIds).forEach(entry -> byId.putIfAbsent(entry.target(), entry));
        }
        return byId;
    }

    public long count(Instant from, Instant to, String actor, String action) {
        return mapper.count(from, to, actor, action);
    }

    /**
     * Who acts: the engine's authenticated user inside a command (REST, webapps, the domain API all set it), else the
     * logged-in user of the request, else the app itself.
     */
    public static String currentActor() {
        CommandContext command = Context.getCommandContext();
        if (command != null && command.getAuthenticatedUserId() != null) {
            return command.getAuthenticatedUserId();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        return SYSTEM;
    }

    private static AuditEntry entry(String actor, AuditAction action, String outcome, String target, String details) {
        HttpServletRequest request = currentRequest();
        String source = request == null ? null : request.getMethod() + " " + request.getRequestURI();
        return new AuditEntry(null, EngineClock.now(), actor == null ? SYSTEM : actor, action.name(), outcome,
                cut(target, MAX_TARGET), cut(details, MAX_DETAILS), cut(source, MAX_SOURCE),
                request == null ? null : request.getRemoteAddr());
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }
}
