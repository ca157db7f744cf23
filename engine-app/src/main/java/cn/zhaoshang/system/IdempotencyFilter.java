package cn.zhaoshang.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on a POST or PUT of the domain API (/api/**): a client that did not hear the answer (a timeout,
 * a dropped connection) sends the same request with the same key again and gets the first answer again — one lead
 * reported, one task completed — instead of a duplicate or a puzzling 409. Keys are per user, kept for
 * {@code zhaoshang.idempotency.keep-hours}. The same key with another body is refused (409); a request still running
 * or whose outcome was lost in a crash answers 409 "in progress" rather than run twice; a refused request (4xx, 5xx)
 * keeps nothing, so its corrected version may use the key again. JSON bodies only: an upload (multipart) is read by the
 * container itself and is not covered; the key is then ignored. Registered for /api/* after Spring Security, so the
 * caller is known.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** a body larger than the API takes anywhere (the largest JSON is a meeting record) */
    private static final int MAX_BODY = 2 * 1024 * 1024;

    private final IdempotentRequestMapper requests;
    private final Duration keep;
    private final AtomicLong lastCleanup = new AtomicLong();

    IdempotencyFilter(IdempotentRequestMapper requests, long keepHours) {
        if (keepHours < 1 || keepHours > 24 * 90) {
            throw new IllegalStateException("zhaoshang.idempotency.keep-hours must be 1..2160, is " + keepHours);
        }
        this.requests = requests;
        this.keep = Duration.ofHours(keepHours);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String contentType = request.getContentType();
        return request.getHeader(HEADER) == null || !("POST".equals(method) || "PUT".equals(method))
                || (contentType != null && !contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader(HEADER);
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            write(response, HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY", "Idempotency-Key 须为 1 至 100 个字母、数字或 "
                    + "._:- / Idempotency-Key must be 1 to 100 letters, digits or ._:-");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            write(response, HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE",
                    "请求内容过大 / The request body is too large");
            return;
        }
        String user = caller.getName();
        String path = request.getRequestURI();
        String hash = sha256(request.getMethod(), path, body);
        cleanUpNowAndThen();
        try {
            requests.begin(user, key, request.getMethod(), path, hash, EngineClock.now());
        } catch (DuplicateKeyException seenBefore) {
            replay(requests.find(user, key), request.getMethod(), path, hash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean finished = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            int status = recorded.getStatus();
            if (status >= 200 && status < 300) {
                requests.finish(user, key, status, recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
                        new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
                finished = true;
            }
        } finally {
            if (!finished) {
                requests.forget(user, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replay(Optional<IdempotentRequestMapper.Stored> found, String method, String path, String hash,
            HttpServletResponse response) throws IOException {
        if (found.isEmpty()) {
            // the first request was refused and forgotten in the meantime: the client retries on its own
            write(response, HttpStatus.CONFLICT, "IDEMPOTENT_REQUEST_IN_PROGRESS",
                    "同一请求刚刚处理完毕，请重试 / The same request has just finished; retry");
            return;
        }
        IdempotentRequestMapper.Stored first = found.get();
        if (!first.method().equals(method) || !first.path().equals(path) || !first.requestHash().equals(hash)) {
            write(response, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "该 Idempotency-Key 已用于另一个请求，"
                    + "请为新请求使用新的 Key / This Idempotency-Key was used for another request; use a new key");
            return;
        }
        if (first.status() == null) {
            write(response, HttpStatus.CONFLICT, "IDEMPOTENT_REQUEST_IN_PROGRESS", "同一请求正在处理中（或因故中断、结果未知），"
                    + "请稍后在台账中查看结果，勿重复提交 / The same request is still running (or its outcome is unknown); "
                    + "check the ledger before sending it again");
            return;
        }
        response.setStatus(first.status());
        response.setHeader(REPLAYED, "true");
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.responseBody() != null && !first.responseBody().isEmpty()) {
            response.getOutputStream().write(first.responseBody().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Old keys go at most once an hour per node, on the way of a request that uses keys anyway. */
    private void cleanUpNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastCleanup.get();
        if (now - last > Duration.ofHours(1).toMillis() && lastCleanup.compareAndSet(last, now)) {
            try {
                requests.forgetOlderThan(EngineClock.now().minus(keep));
            } catch (RuntimeException e) {
                log.warn("Could not remove old idempotency keys; trying again in an hour", e);
            }
        }
    }

    private static String sha256(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ApiError.of(status, code, message).toJson());
    }
}
