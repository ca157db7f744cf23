package cn.zhaoshang.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.support.AppNode;

/**
 * The packaged app ({@code java -jar target/engine-app-*.jar}) in a process of its own, as production starts it, with
 * the heap limit the issue sets ({@code -Xmx512m}) and the JVM's default compiler and collector: a second node for
 * W3, and the cold start.
 */
final class NodeProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static NodeProcess start(String name, Options options, String database, List<String> settings) throws IOException {
        return start(name, options, database, settings, List.of("-jar", AppNode.jar().toString()));
    }

    /** The same with another way to launch the app ({@code jvm}: JVM options, then {@code -jar} and the jar). */
    static NodeProcess start(String name, Options options, String database, List<String> settings, List<String> jvm)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path logs = options.out().resolve("logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        command.addAll(jvm);
        command.addAll(List.of("--server.port=" + port,
                "--zhaoshang.demo.projects=false", "--zhaoshang.cluster.node-name=" + name));
        if (options.mysql()) {
            command.add("--spring.profiles.active=demo,mysql");
            command.add("--DB_NAME=" + database);
        } else {
            command.add("--spring.profiles.active=demo");
            command.add("--spring.datasource.url=jdbc:h2:file:" + Paths.get(database).toAbsolutePath()
                    + "/zhaoshang;MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE");
        }
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        return new NodeProcess(builder.start(), port, log);
    }

    /** Seconds until the node serves its login page, i.e. the whole app is up. */
    double awaitReady(long startNanos, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/login")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - startNanos) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("node not up within " + within + ", see " + log);
    }

    /** For a start that ends by itself (the CDS training run). */
    void awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("node did not end within " + within + ", see " + log);
        }
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
