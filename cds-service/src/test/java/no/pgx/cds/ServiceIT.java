package no.pgx.cds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.pgx.cds.support.Http;

/**
 * Base of the IT tests that run the whole service on a random port with security off (JWT checking has its own
 * test, {@code security.JwtSecurityIT}). The context, and so the feedback store in a temporary directory, is shared
 * by every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pgx.security.enabled=false", "pgx.max-request-size=1MB", "logging.level.no.pgx=DEBUG",
                // The test FHIR servers run on 127.0.0.1, which the default policy refuses.
                "pgx.fhir.allow-private-addresses=true", "pgx.management.password=" + ServiceIT.OPERATOR_PASSWORD})
public abstract class ServiceIT {
    /** The operator's password for the actuator endpoints other than health. */
    protected static final String OPERATOR_PASSWORD = "test-operator-secret";
    private static final Path STORE = tempDir();

    @LocalServerPort
    protected int port;

    protected Http http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("pgx.feedback.dir", STORE::toString);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pgx-cds-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a client that sends the operator's credentials (metrics) */
    protected static Http operator(Http http) {
        return http.with("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("operator:" + OPERATOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
