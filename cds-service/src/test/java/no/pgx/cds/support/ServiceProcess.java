package no.pgx.cds.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service in a child JVM (the test's own class path), so that a test can kill it as a crash would: {@link #kill()}
 * is {@code kill -9} (SIGKILL; no shutdown hook, no flush, no close).
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the service and waits until its health endpoint answers UP.
     *
     * @param log  file for the child's output
     * @param args extra service arguments ({@code --pgx.feedback.dir=…})
     */
    public static ServiceProcess start(Path log, String... args) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "no.pgx.cds.CdsServiceApplication", "--server.port=" + port, "--pgx.security.enabled=false",
                "--logging.level.root=WARN"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(p, port);
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(service.base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return service;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        service.kill();
        throw new IllegalStateException("The service did not start; see " + log);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code kill -9}: the JVM dies at once. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
