package no.pgx.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.pgx.cds.support.FaultyFhirServer;
import no.pgx.cds.support.FaultyFhirServer.Fault;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * The FHIR fallback against a server that misbehaves on purpose. The allow-list is the fault server's origin only.
 * A call never takes longer than its FHIR deadline however the server stalls (slow pages, a body trickling a byte a
 * second), answers that are not what was asked for are "could not be fetched" (412 naming the key, never 200 without
 * cards), the 412 never says how the server failed, and while every fetch permit is held by a hanging server, calls
 * that carry their prefetch and health still answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pgx.security.enabled=false", "pgx.fhir.call-timeout=6s", "pgx.fhir.request-timeout=5s",
                "pgx.fhir.max-concurrent-fetches=2", "pgx.fhir.max-pages=50"})
class FhirFaultsIT {
    private static final String SIGN = "/cds-services/pgx-order-sign";
    private static final FaultyFhirServer FHIR = start();
    private static final FaultyFhirServer OTHER = start();

    @LocalServerPort
    int port;
    Http http;

    private static FaultyFhirServer start() {
        try {
            return new FaultyFhirServer(Http.JSON.readTree(Fixtures.patient().toString()),
                    Http.JSON.readTree(Fixtures.bundle("searchset", Fixtures.cyp2c19("*2/*2")).toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("pgx.fhir.allowed-servers[0]", () -> "http://127.0.0.1:" + FHIR.port());
        Path store = Files.createTempDirectory("pgx-cds-faults");
        registry.add("pgx.feedback.dir", store::toString);
    }

    @AfterAll
    static void stop() {
        FHIR.close();
        OTHER.close();
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static Fixtures.Call fetching(String server) {
        return Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .fhirServer(server, "secret-token");
    }

    @Test
    void anAllowedServerIsUsed() {
        Http.Response r = http.post(SIGN, fetching(FHIR.base(Fault.OK)).body());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).hasSize(1);
    }

    @Test
    void userInfoInFhirServerNeverReachesTheOtherHost() {
        // The old prefix check let "http://allowed@other/" through and sent the token to "other".
        String sneaky = "http://127.0.0.1:" + FHIR.port() + "@127.0.0.1:" + OTHER.port() + "/ok/fhir";
        int before = OTHER.requests().size();

        Http.Response r = http.post(SIGN, fetching(sneaky).body());

        assertThat(r.status()).isEqualTo(412);
        assertThat(OTHER.requests()).hasSize(before);
    }

    @Test
    void aServerOffTheAllowListIsNotCalledAndThe412DoesNotSayWhy() {
        Http.Response r = http.post(SIGN, fetching(OTHER.base(Fault.OK)).body());

        assertThat(r.status()).isEqualTo(412);
        assertThat(OTHER.requests()).isEmpty();
        assertThat(r.json().get("detail").asText()).contains("could not be fetched")
                .doesNotContainIgnoringCase("allow").doesNotContainIgnoringCase("refused")
                .doesNotContainIgnoringCase("timed out").doesNotContain("HTTP");
    }

    @Test
    void anOperationOutcomeAnsweredWith200IsCouldNotFetch() {
        Http.Response r = http.post(SIGN, fetching(FHIR.base(Fault.OPERATION_OUTCOME)).body());

        assertThat(r.status()).isEqualTo(412);
        assertThat(r.json().get("field").asText()).startsWith("prefetch.");
    }

    @Test
    void aSearchAnsweredWithTheWrongResourceTypeIs412NamingTheKey() {
        Http.Response r = http.post(SIGN, fetching(FHIR.base(Fault.WRONG_TYPE)).body());

        assertThat(r.status()).isEqualTo(412);
        assertThat(r.json().get("field").asText()).isEqualTo("prefetch.pgxResults");
    }

    @Test
    void slowPagesStopAtTheCallDeadline() {
        int before = FHIR.requests().size();

        Http.Response r = http.post(SIGN, fetching(FHIR.base(Fault.SLOW_PAGES)).body());

        assertThat(r.status()).isEqualTo(412);
        // 50 pages were allowed, each takes 0.7 s and the call has 6 s: the deadline, not the page limit, ended it.
        assertThat(FHIR.requests().size() - before).isLessThan(12);
    }

    @Test
    void aBodyTricklingAByteASecondIsCutOff() {
        Http.Response r = http.post(SIGN, fetching(FHIR.base(Fault.TRICKLE)).body());

        assertThat(r.status()).isEqualTo(412);
    }

    @Test
    void hangingServersTakeAtMostTheirPermitsAndOtherCallsGoOn() throws Exception {
        List<CompletableFuture<Http.Response>> hanging = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            hanging.add(CompletableFuture.supplyAsync(() -> http.post(SIGN, fetching(FHIR.base(Fault.HANG)).body())));
        }
        // Wait until both hanging fetches have reached the server (they then hold both permits).
        for (int i = 0; i < 200 && FHIR.requests().stream().filter(u -> u.startsWith("/hang/")).count() < 2; i++) {
            Thread.sleep(20);
        }
        try {
            Http.Response third = http.post(SIGN, fetching(FHIR.base(Fault.OK)).body());
            Http.Response prefetched = http.post(SIGN, Fixtures.call("order-sign")
                    .draftOrders(Fixtures.clopidogrelDraft("d1")).prefetch(List.of(Fixtures.cyp2c19("*2/*2")),
                            List.of()).body());
            Http.Response health = http.get("/actuator/health");

            assertThat(third.status()).as("a fetch beyond the permits does not wait").isEqualTo(412);
            assertThat(prefetched.status()).isEqualTo(200);
            assertThat(health.status()).isEqualTo(200);
        } finally {
            FHIR.release();
        }
        for (CompletableFuture<Http.Response> h : hanging) {
            // Released before their deadline, they finish normally.
            assertThat(h.get().status()).isIn(200, 412);
        }
    }
}
