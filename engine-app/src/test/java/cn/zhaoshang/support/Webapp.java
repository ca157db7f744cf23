package cn.zhaoshang.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser session in the Camunda webapps: session cookie plus the XSRF token the webapps require. */
public final class Webapp {

    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final int port;
    private final CookieManager cookies;
    private final HttpClient client;

    private Webapp(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public Webapp(int port, String user) throws IOException, InterruptedException {
        this(port, new CookieManager());
        get("/camunda/app/tasklist/"); // hands out the XSRF-TOKEN cookie
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> login = send(builder("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.statusCode()).as("webapp login: " + login.body()).isEqualTo(200);
        // the login starts a new session with a new XSRF token, handed out on the next request (as the browser's)
        get("/camunda/api/admin/auth/user/default");
    }

    /** The same browser session (cookies, XSRF token) talking to another node of a cluster. */
    public Webapp onPort(int otherPort) {
        return new Webapp(otherPort, cookies);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(builder(path).GET().build());
    }

    public HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AppIT.write(body), StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(builder(path).DELETE().build());
    }

    /** The same request as {@link #post}, but without the X-XSRF-TOKEN header a cross-site page could not read. */
    public HttpResponse<String> postWithoutToken(String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AppIT.write(body), StandardCharsets.UTF_8));
        return send(builder.build());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, text/plain, */*");
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> "XSRF-TOKEN".equals(c.getName()))
                .map(HttpCookie::getValue)
                .findFirst()
                .ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
