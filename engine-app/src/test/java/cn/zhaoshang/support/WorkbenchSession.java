package cn.zhaoshang.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's browser session on the workbench over plain HTTP: logged in through the login form, cookies kept,
 * redirects not followed (so a test sees them), every form posted with the page's CSRF token.
 */
public final class WorkbenchSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient client;
    private String csrf;

    private WorkbenchSession(int port) {
        this(port, HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), null);
    }

    private WorkbenchSession(int port, HttpClient client, String csrf) {
        this.port = port;
        this.client = client;
        this.csrf = csrf;
    }

    /** The same browser (cookies, CSRF token) talking to another node of a cluster, as behind a load balancer. */
    public WorkbenchSession onPort(int otherPort) {
        return new WorkbenchSession(otherPort, client, csrf);
    }

    public static WorkbenchSession login(int port, String user) {
        WorkbenchSession session = new WorkbenchSession(port);
        session.csrf = token(session.get("/login").body());
        HttpResponse<String> login = session.post("/login", Map.of("username", user, "password", "demo"));
        assertThat(login.headers().firstValue("Location").orElse("")).as("%s logged in", user).doesNotContain("/login");
        session.csrf = token(session.get("/").body()); // the session id and the token change at login
        return session;
    }

    /** One login attempt: where the login page sends the browser ({@code /}, {@code /login?error}, {@code /login?locked}). */
    public static String loginRedirect(int port, String user, String password) {
        WorkbenchSession session = new WorkbenchSession(port);
        session.csrf = token(session.get("/login").body());
        return session.post("/login", Map.of("username", user, "password", password)).headers().firstValue("Location")
                .orElse("");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<byte[]> download(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form post with the session's CSRF token; list values repeat the field (checkboxes). */
    public HttpResponse<String> post(String path, Map<String, ?> fields) {
        return postForm(path, fields, true);
    }

    public HttpResponse<String> postWithoutToken(String path, Map<String, ?> fields) {
        return postForm(path, fields, false);
    }

    private HttpResponse<String> postForm(String path, Map<String, ?> fields, boolean withToken) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            List<?> values = value instanceof List<?> list ? list : List.of(value == null ? "" : value);
            for (Object one : values) {
                body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(one.toString()));
            }
        });
        if (withToken) {
            body.append(body.isEmpty() ? "" : "&").append("_csrf=").append(encode(csrf));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Any body as it is, the CSRF token in its header (X-CSRF-TOKEN), so that a broken body still reaches the page. */
    public HttpResponse<String> postRaw(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").header("Content-Type", contentType)
                .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A multipart upload of one file, as a browser's file input sends it. */
    public HttpResponse<String> upload(String path, String field, String fileName, byte[] content) {
        String boundary = "----zhaoshang" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** What a browser shows after a form's redirect (and what consumes the flash message). */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as("a redirect: %s", redirect.body()).isEqualTo(302);
        return get(redirect.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create("http://localhost:" + port + pathOrUrl);
    }

    private static String token(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of a page without its tags, for asserting what a person reads. */
    public static String text(String html) {
        return Pattern.compile("\\s+").matcher(html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&")).replaceAll(" ").strip();
    }
}
