package no.pgx.cds.security;

import java.security.Key;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Verifies a CDS client's JWT (CDS Hooks 2.0, "Trusting CDS Clients"): an allowed asymmetric algorithm, a {@code kid},
 * {@code typ} JWT when given, an issuer on the allow-list (a {@code jku} only when it is that issuer's configured
 * JWK Set URL; ignored for an issuer with a key file), a valid signature, {@code aud} = the endpoint called,
 * {@code exp}/{@code iat}/{@code nbf} within the clock skew and the maximum lifetime, and a {@code jti} not seen
 * before. Thread-safe.
 */
final class ClientTokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(ClientTokenVerifier.class);
    /** Symmetric and "none" algorithms are refused whatever the configuration says (spec: SHALL NOT). */
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.copyOf(JWSAlgorithm.Family.SIGNATURE);

    private final TrustedIssuers issuers;
    private final Set<JWSAlgorithm> algorithms;
    private final long skewSeconds;
    private final long maxLifetimeSeconds;
    private final ReplayCache replay;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    ClientTokenVerifier(TrustedIssuers issuers, SecurityProperties properties) {
        this.issuers = issuers;
        this.algorithms = properties.algorithms().stream().map(JWSAlgorithm::parse).filter(ASYMMETRIC::contains)
                .collect(Collectors.toUnmodifiableSet());
        this.skewSeconds = properties.clockSkew().toSeconds();
        this.maxLifetimeSeconds = properties.maxTokenLifetime().toSeconds();
        this.replay = new ReplayCache(properties.replayCacheSize());
    }

    /**
     * @param token     the compact JWT from the Authorization header
     * @param audiences the acceptable {@code aud} values (the endpoint URL)
     * @param now       the current time
     * @return null when the token is valid; otherwise the reason (for the log, never for the client)
     */
    String verify(String token, Set<String> audiences, Instant now) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return "not a signed JWT";
        }
        JWSHeader header = jwt.getHeader();
        if (!algorithms.contains(header.getAlgorithm())) {
            return "algorithm " + header.getAlgorithm() + " not accepted";
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            return "kid missing";
        }
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
            return "typ is not JWT";
        }
        TrustedIssuers.Trusted issuer = issuers.find(claims.getIssuer()).orElse(null);
        if (issuer == null) {
            return "issuer not trusted";
        }
        // A jku never makes the service fetch anything: keys come only from the configuration. An issuer with a JWK
        // Set URL must name exactly that URL; for an issuer whose keys were exchanged out of band (jwks-file) the jku
        // is ignored (clients such as the CDS Hooks Sandbox always send one) and the signature decides.
        if (header.getJWKURL() != null && issuer.jwksUrl() != null
                && !header.getJWKURL().toString().equals(issuer.jwksUrl())) {
            return "jku not the configured JWK Set URL of the issuer";
        }
        String signature = checkSignature(jwt, issuer);
        if (signature != null) {
            return signature;
        }
        String time = checkClaims(claims, audiences, now);
        if (time != null) {
            return time;
        }
        long expiresAt = claims.getExpirationTime().toInstant().getEpochSecond() + skewSeconds;
        if (!replay.firstUse(issuer.iss() + "\n" + claims.getJWTID(), expiresAt, now.getEpochSecond())) {
            return "jti already used (or replay cache full)";
        }
        return null;
    }

    private String checkSignature(SignedJWT jwt, TrustedIssuers.Trusted issuer) {
        List<Key> keys;
        try {
            keys = new JWSVerificationKeySelector<>(jwt.getHeader().getAlgorithm(), issuer.keys())
                    .selectJWSKeys(jwt.getHeader(), null);
        } catch (KeySourceException e) {
            LOG.warn("Keys of issuer {} unavailable: {}", issuer.iss(), e.getMessage());
            return "issuer keys unavailable";
        }
        for (Key key : keys) {
            try {
                if (jwt.verify(verifiers.createJWSVerifier(jwt.getHeader(), key))) {
                    return null;
                }
            } catch (JOSEException e) {
                // Key of the wrong type or curve for the algorithm: try the next one.
            }
        }
        return keys.isEmpty() ? "no key for kid" : "signature invalid";
    }

    private String checkClaims(JWTClaimsSet claims, Set<String> audiences, Instant now) {
        List<String> aud = claims.getAudience();
        if (aud == null || aud.stream().map(ClientTokenVerifier::trimSlash).noneMatch(audiences::contains)) {
            return "audience mismatch";
        }
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            return "exp or iat missing";
        }
        if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            return "jti missing";
        }
        long n = now.getEpochSecond();
        if (exp.toInstant().getEpochSecond() + skewSeconds < n) {
            return "expired";
        }
        if (iat.toInstant().getEpochSecond() - skewSeconds > n) {
            return "issued in the future";
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().getEpochSecond() - skewSeconds > n) {
            return "not valid yet (nbf)";
        }
        if (exp.toInstant().getEpochSecond() - iat.toInstant().getEpochSecond() > maxLifetimeSeconds) {
            return "lifetime longer than allowed";
        }
        return null;
    }

    static String trimSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
