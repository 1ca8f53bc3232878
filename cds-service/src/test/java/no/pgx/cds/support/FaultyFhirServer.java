package no.pgx.cds.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A FHIR server on 127.0.0.1 that misbehaves on purpose, chosen by the first path segment of the base URL
 * ({@link #base(Fault)}): answers with an OperationOutcome and 200, with the wrong resource type, pages slowly with
 * endless {@code next} links, trickles its body a byte at a time, or hangs until released. Records every request.
 */
public final class FaultyFhirServer implements AutoCloseable {
    /** The misbehaviours. */
    public enum Fault { OK, OPERATION_OUTCOME, WRONG_TYPE, SLOW_PAGES, TRICKLE, HANG }

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile JsonNode patient;
    private volatile JsonNode observations;

    public FaultyFhirServer(JsonNode patient, JsonNode observations) throws IOException {
        this.patient = patient;
        this.observations = observations;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-fhir");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the base URL that behaves so */
    public String base(Fault fault) {
        return "http://127.0.0.1:" + port() + "/" + fault.name().toLowerCase() + "/fhir";
    }

    public List<String> requests() {
        return requests;
    }

    /** Lets hanging requests finish. */
    public void release() {
        release.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestURI().toString());
        String[] parts = path.split("/");
        Fault fault = Fault.valueOf(parts[1].toUpperCase());
        String type = parts.length > 3 ? parts[3] : "";
        String ok = type.equals("Patient") ? patient.toString() : type.equals("Observation") ? observations.toString()
                : "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}";
        try {
            switch (fault) {
                case OK -> send(exchange, ok);
                case OPERATION_OUTCOME -> send(exchange, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{"
                        + "\"severity\":\"error\",\"code\":\"forbidden\"}]}");
                case WRONG_TYPE -> send(exchange, type.equals("Patient") ? ok : "{\"resourceType\":\"Bundle\","
                        + "\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"x\"}}]}");
                case SLOW_PAGES -> {
                    if (type.equals("Patient")) {
                        send(exchange, ok);
                    } else {
                        Thread.sleep(700);
                        send(exchange, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":"
                                + "\"next\",\"url\":\"" + base(fault) + "/" + type + "?page=" + requests.size()
                                + "\"}],\"entry\":[]}");
                    }
                }
                case TRICKLE -> trickle(exchange, ok);
                case HANG -> {
                    release.await(60, TimeUnit.SECONDS);
                    send(exchange, ok);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the service hung up: expected for the faults that it cuts off
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Headers at once, then one byte a second. */
    private static void trickle(HttpExchange exchange, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(1_000);
        }
        out.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
