package no.pgx.cds.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * Clients that send their body at one byte a second cannot starve the service: more of them than there are request
 * threads are connected, and health and an ordinary call still answer; each slow call ends with 408 at the body
 * timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pgx.security.enabled=false", "pgx.request-body-timeout=4s", "server.tomcat.threads.max=8"})
class SlowClientsIT {
    private static final int SLOW_CLIENTS = 24;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("pgx-cds-slow").toString();
        registry.add("pgx.feedback.dir", () -> dir);
    }

    @Test
    void slowBodiesHoldNoThreadAndEndWith408() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<CompletableFuture<String>> slow = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(SLOW_CLIENTS);
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(CompletableFuture.supplyAsync(() -> trickle(stop), clients));
        }
        Http http = new Http(port);
        try {
            Thread.sleep(1_500); // every slow client has connected and sent a byte or two
            Http.Response health = http.get("/actuator/health");
            Http.Response call = http.post("/cds-services/pgx-order-sign", Fixtures.call("order-sign")
                    .draftOrders(Fixtures.clopidogrelDraft("d1")).prefetch(List.of(Fixtures.cyp2c19("*2/*2")),
                            List.of()).body());

            assertThat(health.status()).isEqualTo(200);
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.json().get("cards")).hasSize(1);
        } finally {
            List<String> statusLines = new ArrayList<>();
            for (CompletableFuture<String> f : slow) {
                statusLines.add(f.get(60, TimeUnit.SECONDS));
            }
            stop.set(true);
            clients.shutdown();
            assertThat(statusLines).allMatch(l -> l.startsWith("HTTP/1.1 408"), "every slow call ends with 408");
        }
    }

    /** Sends a call's headers and then its body one byte a second; returns the status line it gets. */
    private String trickle(AtomicBoolean stop) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /cds-services/pgx-order-sign HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            for (int i = 0; i < 1000 && !stop.get(); i++) {
                if (s.getInputStream().available() > 0) {
                    break;
                }
                try {
                    out.write('{');
                    out.flush();
                } catch (IOException e) {
                    break; // the service answered and closed
                }
                Thread.sleep(1_000);
            }
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "I/O: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
