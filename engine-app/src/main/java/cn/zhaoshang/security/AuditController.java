package cn.zhaoshang.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.Groups;

/**
 * {@code GET /api/admin/audit?from=&to=&actor=&action=&page=&size=}: the audit log, newest first, for administrators
 * only. {@code from}/{@code to} are days (Beijing, both included) or instants (ISO-8601, {@code to} excluded).
 */
@RestController
@RequestMapping(path = "/api/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    static final int MAX_SIZE = 200;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    record Page(List<AuditEntry> items, int page, int size, long total) {
    }

    @GetMapping
    Page search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Authentication caller) {
        Callers.requireAnyGroup(caller, "只有系统管理员可以查看审计日志 / Only administrators may read the audit log",
                Groups.ADMIN, Groups.CAMUNDA_ADMIN);
        List<FieldError> errors = new ArrayList<>();
        Instant fromAt = instant("from", from, false, errors);
        Instant toAt = instant("to", to, true, errors);
        if (action != null && Arrays.stream(AuditAction.values()).noneMatch(a -> a.name().equals(action))) {
            errors.add(new FieldError("action", "未知的操作类型，可选 / Unknown action, one of " + Arrays.toString(AuditAction.values())));
        }
        if (page < 0 || page > 100_000 || size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "page ≥ 0，size 为 1–" + MAX_SIZE + " / page ≥ 0 and size 1–" + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        return new Page(audit.search(fromAt, toAt, who, action, page * size, size), page, size,
                audit.count(fromAt, toAt, who, action));
    }

    /** A day in Beijing (its start; for {@code to} the next day's, so the day is included) or an ISO instant. */
    private static Instant instant(String field, String value, boolean end, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(EngineClock.BEIJING).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "日期格式应为 YYYY-MM-DD 或 ISO-8601 时间 / Expected YYYY-MM-DD or an ISO-8601 instant"));
            return null;
        }
    }
}
