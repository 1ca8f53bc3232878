package no.pgx.cds.security;

import java.io.IOException;
import java.net.URI;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The allow-list of token issuers and where their public keys come from: a JWK Set URL (cached, refreshed on an
 * unknown {@code kid}, with Nimbus' timeouts and size limit) or a local JWK Set / PEM file. Immutable, thread-safe.
 */
final class TrustedIssuers {

    /** One trusted issuer with its key source. */
    record Trusted(String iss, String jwksUrl, JWKSource<SecurityContext> keys) {
    }

    private final Map<String, Trusted> byIss;

    private TrustedIssuers(Map<String, Trusted> byIss) {
        this.byIss = Map.copyOf(byIss);
    }

    /**
     * @throws IllegalStateException for an issuer without key source or with an unreadable key file (a configuration
     *                               error: the service does not start)
     */
    static TrustedIssuers of(List<SecurityProperties.Issuer> issuers) {
        Map<String, Trusted> map = new HashMap<>();
        for (SecurityProperties.Issuer i : issuers) {
            if (i.iss() == null || i.iss().isBlank()) {
                throw new IllegalStateException("pgx.security.issuers[].iss is required");
            }
            map.put(i.iss(), new Trusted(i.iss(), blankToNull(i.jwksUrl()), source(i)));
        }
        return new TrustedIssuers(map);
    }

    Optional<Trusted> find(String iss) {
        return iss == null ? Optional.empty() : Optional.ofNullable(byIss.get(iss));
    }

    int size() {
        return byIss.size();
    }

    private static JWKSource<SecurityContext> source(SecurityProperties.Issuer i) {
        if (i.jwksUrl() != null && !i.jwksUrl().isBlank()) {
            try {
                return JWKSourceBuilder.<SecurityContext>create(URI.create(i.jwksUrl()).toURL()).retrying(true).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("Invalid jwks-url for issuer " + i.iss() + ": " + e.getMessage(), e);
            }
        }
        if (i.jwksFile() != null) {
            try {
                String content = Files.readString(i.jwksFile(), StandardCharsets.UTF_8);
                if (content.contains("-----BEGIN")) {
                    JWK key = Pem.publicKey(content);
                    // A PEM key has no kid: it is the issuer's only key, whatever kid the token names.
                    List<JWK> only = List.of(key.toPublicJWK());
                    return (selector, context) -> only;
                }
                return new ImmutableJWKSet<>(JWKSet.parse(content).toPublicJWKSet());
            } catch (IOException | ParseException | JOSEException e) {
                throw new IllegalStateException("Cannot read jwks-file of issuer " + i.iss() + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("Issuer " + i.iss() + " needs jwks-url or jwks-file");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
