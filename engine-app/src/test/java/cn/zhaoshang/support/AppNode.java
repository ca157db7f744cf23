package cn.zhaoshang.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One node of a cluster as production runs it: the packaged app ({@code target/engine-app-*.jar}, built by
 * {@code mvn package} before the integration tests) in a process of its own, with the {@code mysql} profile on a given
 * database, on a free port, its output in {@code target/cluster-logs/}. A test can stop it (SIGTERM, a graceful shutdown)
 * or {@link #kill()} it (SIGKILL, as {@code kill -9}: no shutdown hook, locks and transactions left as they were).
 * The demo users are there (profile {@code demo}, without the demo projects).
 */
public final class AppNode implements AutoCloseable {

    private static final Path LOGS = Paths.get("target", "cluster-logs");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node named {@code name} (its job executor's lock owner and the engine's host name, so the job log
     * says which node ran a job) on {@code database}; {@code settings} are more {@code --key=value} arguments.
     */
    public static AppNode start(String name, String database, String... settings) {
        try {
            int port = freePort();
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + "-" + System.currentTimeMillis() + ".log");
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString(),
                    "--server.port=" + port, "--spring.profiles.active=demo,mysql", "--zhaoshang.demo.projects=false",
                    "--DB_NAME=" + database, "--zhaoshang.cluster.node-name=" + name,
                    // the test server is shared: ten connections a node instead of twenty
                    "--spring.datasource.hikari.maximum-pool-size=10"));
            command.addAll(List.of(settings));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putIfAbsent("DB_HOST", MariaDb.host());
            builder.environment().putIfAbsent("DB_PORT", String.valueOf(MariaDb.port()));
            builder.environment().putIfAbsent("DB_USER", MariaDb.user());
            builder.environment().putIfAbsent("DB_PASSWORD", MariaDb.password());
            return new AppNode(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged app, as {@code java -jar} runs it in production. */
    public static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("engine-app-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/engine-app-*.jar: run mvn package first"));
        }
    }

    /** Waits until the node serves its login page (the whole app is up), failing with the end of its log if it died. */
    public AppNode awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/login")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new AssertionError(name + " not up within " + within + ":\n" + tail());
    }

    /** kill -9: the process ends at once, whatever it was doing. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** A graceful shutdown (SIGTERM). */
    public void stop() {
        process.destroy();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public AppClient client() {
        return new AppClient(port);
    }

    /** The last lines of the node's output. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
