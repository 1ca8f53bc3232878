package no.pgx.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

import no.pgx.cds.support.Jwts;

/** Fast checks of the token rules with a fixed clock (the HTTP behaviour is in JwtSecurityIT). */
class ClientTokenVerifierTest {
    static final String ISS = "https://ehr.example.org";
    static final String AUD = "https://cds.example.org/cds-services/pgx-order-sign";
    static final ECKey EC = Jwts.ecP384("k1");
    static final RSAKey RSA = Jwts.rsa("k2");
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    static Path dir;
    static ClientTokenVerifier verifier;

    @BeforeAll
    static void setUp() throws IOException {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(List.of(EC.toPublicJWK(), RSA.toPublicJWK())).toString());
        SecurityProperties properties = new SecurityProperties(true, "", List.of("ES384", "RS384", "HS256"),
                Duration.ofSeconds(60), Duration.ofHours(1), 1000, List.of(new SecurityProperties.Issuer(ISS, null, jwks)));
        verifier = new ClientTokenVerifier(TrustedIssuers.of(properties.issuers()), properties);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISS).audience(AUD).issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(300))).jwtID(java.util.UUID.randomUUID().toString());
    }

    private static String verify(String token) {
        return verifier.verify(token, Set.of(AUD), NOW);
    }

    @Test
    void validTokensOfBothRecommendedAlgorithmsPass() {
        assertThat(verify(Jwts.sign(EC, claims().build()))).isNull();
        assertThat(verify(Jwts.sign(RSA, claims().build()))).isNull();
        assertThat(verifier.verify(Jwts.sign(EC, claims().audience(List.of("x", AUD + "/")).build()), Set.of(AUD), NOW))
                .isNull();
    }

    @Test
    void timeRulesApplyWithTheClockSkew() {
        assertThat(verify(Jwts.sign(EC, claims().expirationTime(Date.from(NOW.minusSeconds(30))).build()))).isNull();
        assertThat(verify(Jwts.sign(EC, claims().expirationTime(Date.from(NOW.minusSeconds(90))).build())))
                .isEqualTo("expired");
        assertThat(verify(Jwts.sign(EC, claims().issueTime(Date.from(NOW.plusSeconds(120))).build())))
                .isEqualTo("issued in the future");
        assertThat(verify(Jwts.sign(EC, claims().expirationTime(Date.from(NOW.plusSeconds(7200))).build())))
                .isEqualTo("lifetime longer than allowed");
        assertThat(verify(Jwts.sign(EC, claims().issueTime(null).build()))).isEqualTo("exp or iat missing");
    }

    @Test
    void symmetricAlgorithmsAreRefusedEvenWhenConfigured() {
        assertThat(verify(Jwts.hmac("k1", claims().build()))).contains("HS256");
    }

    @Test
    void headerRulesApply() {
        JWSHeader jose = new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("k1").type(JOSEObjectType.JOSE).build();
        assertThat(verify(Jwts.sign(EC, jose, claims().build()))).isEqualTo("typ is not JWT");
        JWSHeader unknownKid = new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("other").type(JOSEObjectType.JWT).build();
        assertThat(verify(Jwts.sign(EC, unknownKid, claims().build()))).isEqualTo("no key for kid");
    }

    @Test
    void aKeyOfTheWrongTypeForTheAlgorithmFails() {
        JWSHeader rsaWithEcKid = new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("k1").type(JOSEObjectType.JWT).build();
        assertThat(verify(Jwts.sign(RSA, rsaWithEcKid, claims().build()))).isNotNull();
    }
}
