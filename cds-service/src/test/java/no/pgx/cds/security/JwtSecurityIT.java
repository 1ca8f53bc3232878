package no.pgx.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

import no.pgx.cds.support.FhirServerStub;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;
import no.pgx.cds.support.Jwts;

/**
 * The CDS Hooks client JWT check with keys generated for this run: an EC P-384 issuer whose JWK Set is a file and an
 * RSA issuer whose JWK Set is served over HTTP. Accepted: the right issuer, key, audience and time, once. Rejected
 * with a bare 401: wrong signature, audience, expiry, issuer, a replayed jti, HMAC, no kid, no token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtSecurityIT {
    static final String EHR = "https://ehr.example.org";
    static final String IDP = "https://idp.example.net";
    static final ECKey EC = Jwts.ecP384("ehr-key-1");
    static final RSAKey RSA = Jwts.rsa("idp-key-1");
    static final FhirServerStub JWKS_HOST = jwksHost();
    static final Path DIR = tempDir();

    @LocalServerPort
    int port;

    Http http;

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) throws IOException {
        Path jwks = DIR.resolve("ehr-jwks.json");
        Files.writeString(jwks, new JWKSet(EC.toPublicJWK()).toString());
        registry.add("pgx.security.enabled", () -> "true");
        registry.add("pgx.security.issuers[0].iss", () -> EHR);
        registry.add("pgx.security.issuers[0].jwks-file", jwks::toString);
        registry.add("pgx.security.issuers[1].iss", () -> IDP);
        registry.add("pgx.security.issuers[1].jwks-url", () -> JWKS_HOST.base() + "/jwks");
        registry.add("pgx.feedback.dir", () -> DIR.resolve("store").toString());
        registry.add("pgx.cors.allowed-origins", () -> EHR);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterAll
    static void stop() {
        JWKS_HOST.close();
    }

    private String url(String path) {
        return http.base() + path;
    }

    private Http.Response discovery(String token) {
        return http.with("Authorization", "Bearer " + token).get("/cds-services");
    }

    private static void assertBare401(Http.Response r) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(r.json().has("detail")).isFalse();
    }

    @Test
    void aValidEs384TokenFromAFileKeyIsAccepted() {
        assertThat(discovery(Jwts.sign(EC, Jwts.claims(EHR, url("/cds-services")).build())).status()).isEqualTo(200);
    }

    @Test
    void aValidRs384TokenFromAJwksUrlIsAcceptedForAServiceCall() {
        String token = Jwts.sign(RSA, Jwts.claims(IDP, url("/cds-services/pgx-order-sign")).build());
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .prefetch(List.of(Fixtures.cyp2c19("*2/*2")), List.of());

        Http.Response r = http.with("Authorization", "Bearer " + token).post("/cds-services/pgx-order-sign", call.body());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).hasSize(1);
    }

    @Test
    void noTokenIs401() {
        assertBare401(http.get("/cds-services"));
        assertBare401(http.get("/cds-services/pgx-order-sign/feedback"));
        assertBare401(http.with("Authorization", "Basic dXNlcjpwYXNz").get("/cds-services"));
    }

    /** GET /knowledge is behind the same check; the token's aud is that endpoint's URL. */
    @Test
    void theKnowledgeEndpointNeedsATokenForItsOwnUrl() {
        assertBare401(http.get("/knowledge"));
        assertBare401(http.with("Authorization", "Bearer " + Jwts.sign(EC, Jwts.claims(EHR, url("/cds-services")).build()))
                .get("/knowledge"));

        Http.Response r = http.with("Authorization", "Bearer " + Jwts.sign(EC, Jwts.claims(EHR, url("/knowledge")).build()))
                .get("/knowledge");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("tables").asText()).matches("[0-9a-f]{12}");
    }

    @Test
    void aWrongSignatureIs401() {
        ECKey impostor = Jwts.ecP384("ehr-key-1");
        assertBare401(discovery(Jwts.sign(impostor, Jwts.claims(EHR, url("/cds-services")).build())));
    }

    @Test
    void aWrongAudienceIs401() {
        assertBare401(discovery(Jwts.sign(EC, Jwts.claims(EHR, url("/cds-services/pgx-order-sign")).build())));
        assertBare401(discovery(Jwts.sign(EC, Jwts.claims(EHR, "https://other.example.org/cds-services").build())));
    }

    @Test
    void anExpiredTokenIs401() {
        Instant past = Instant.now().minusSeconds(900);
        JWTClaimsSet claims = Jwts.claims(EHR, url("/cds-services")).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(300))).build();
        assertBare401(discovery(Jwts.sign(EC, claims)));
    }

    @Test
    void anUnknownIssuerIs401() {
        assertBare401(discovery(Jwts.sign(EC, Jwts.claims("https://evil.example.com", url("/cds-services")).build())));
    }

    @Test
    void aReplayedTokenIs401() {
        String token = Jwts.sign(EC, Jwts.claims(EHR, url("/cds-services")).build());

        assertThat(discovery(token).status()).isEqualTo(200);
        assertBare401(discovery(token));
    }

    @Test
    void symmetricAlgorithmsAndMissingClaimsAre401() {
        assertBare401(discovery(Jwts.hmac("ehr-key-1", Jwts.claims(EHR, url("/cds-services")).build())));
        JWSHeader noKid = new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).build();
        assertBare401(discovery(Jwts.sign(EC, noKid, Jwts.claims(EHR, url("/cds-services")).build())));
        JWTClaimsSet noJti = Jwts.claims(EHR, url("/cds-services")).jwtID(null).build();
        assertBare401(discovery(Jwts.sign(EC, noJti)));
        assertBare401(discovery("not.a.jwt"));
    }

    @Test
    void aForeignJkuIs401() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("idp-key-1").type(JOSEObjectType.JWT)
                .jwkURL(URI.create("https://evil.example.com/jwks")).build();
        assertBare401(discovery(Jwts.sign(RSA, header, Jwts.claims(IDP, url("/cds-services")).build())));
    }

    @Test
    void aTokenNotValidYetIs401() {
        JWTClaimsSet claims = Jwts.claims(EHR, url("/cds-services"))
                .notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build();
        assertBare401(discovery(Jwts.sign(EC, claims)));
    }

    @Test
    void anOversizedTokenIs401NotAServerErrorPage() {
        Http.Response r = discovery("a".repeat(100 * 1024));

        assertBare401(r);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    /**
     * Clients such as the CDS Hooks Sandbox always send a jku. For an issuer whose keys come from a file the jku is
     * ignored: the call is accepted on the file's key and the jku URL is never fetched.
     */
    @Test
    void aJkuFromAFileKeyIssuerIsIgnoredAndNeverFetched() {
        String jku = JWKS_HOST.base() + "/sandbox-jwks";
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("ehr-key-1").type(JOSEObjectType.JWT)
                .jwkURL(URI.create(jku)).build();

        assertThat(discovery(Jwts.sign(EC, header, Jwts.claims(EHR, url("/cds-services")).build())).status())
                .isEqualTo(200);
        assertThat(JWKS_HOST.requests()).noneMatch(u -> u.contains("sandbox-jwks"));
    }

    /** The complete example token of the CDS Hooks 2.0 specification ("Trusting CDS Clients"): long expired. */
    @Test
    void theSpecificationsExampleTokenIsRefused() {
        String spec = "eyJhbGciOiJFUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6ImV4YW1wbGUta2lkIiwiamt1IjoiaHR0cHM6Ly9maGlyLWVoci5leGFtcGxlLmNvbS9qd2tfdXJpIn0"
                + ".eyJpc3MiOiJodHRwczovL2ZoaXItZWhyLmV4YW1wbGUuY29tLyIsInN1YiI6ImNsaWVudF9pZCIsImF1ZCI6Imh0dHBzOi8vY2RzLmV4YW1wbGUub3JnL2Nkcy1zZXJ2aWNlcy9zb21lLXNlcnZpY2UiLCJleHAiOjE0MjI1Njg4NjAsImlhdCI6MTMxMTI4MDk3MCwianRpIjoiZWUyMmIwMjEtZTFiNy00NjExLWJhNWItOGVlYzZhMzNhYzFlIiwidGVuYW50IjoiMmRkZDZjM2EtOGU5YS00NGM2LWEzMDUtNTIxMTFhZDMwMmEyIn0"
                + ".CUFPkplnWd6YGIvzoHolWCQBDsCL8QtTWKGg_QFpS169WrqDGzktRi-_we6-6rVzbjerU27ZKww_SW0-b9RTz-dPJNcqsueMio8r6EqXUXhbLm_ch3XFSbDlGHDl_tqo";
        assertBare401(discovery(spec));
    }

    @Test
    void healthIsOpenWithoutToken() {
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void corsPreflightIsAnsweredWithoutToken() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/cds-services/pgx-order-sign")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", EHR).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(EHR);
    }

    /**
     * A browser client such as the CDS Hooks Sandbox loads discovery with {@code Authorization} and {@code Accept}
     * headers: the pre-flight for {@code /cds-services} itself is answered without a token, naming the origin and the
     * headers; another origin is refused.
     */
    @Test
    void corsPreflightForDiscoveryNamesTheOriginAndRefusesOthers() throws Exception {
        HttpResponse<String> allowed = preflight(EHR, "GET", "authorization,accept");
        HttpResponse<String> other = preflight("https://other.example.org", "GET", "authorization,accept");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(EHR);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("accept");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin, String method, String headers) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/cds-services")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static FhirServerStub jwksHost() {
        try {
            FhirServerStub stub = new FhirServerStub();
            stub.serve("jwks", Http.JSON.readTree(new JWKSet(RSA.toPublicJWK()).toString()));
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pgx-cds-jwt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
