package no.pgx.cds.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CDS client authentication ({@code pgx.security.*}; CDS Hooks 2.0, "Trusting CDS Clients").
 *
 * @param enabled            check the client JWT on every {@code /cds-services} call (default true; contract name)
 * @param audienceBaseUrl    this service's public base URL, e.g. {@code https://cds.example.org}; the expected
 *                           {@code aud} is this plus the request path. Empty: taken from the request (set it when
 *                           running behind a proxy)
 * @param algorithms         accepted JWS algorithms; only asymmetric ones are honoured (spec: no {@code none}, no HMAC)
 * @param clockSkew          tolerance for {@code exp}/{@code iat}
 * @param maxTokenLifetime   longest {@code exp - iat} accepted (bounds the replay cache)
 * @param replayCacheSize    most {@code jti} values remembered; when full and nothing has expired, new tokens are
 *                           refused (fail closed)
 * @param issuers            trusted issuers (the allow-list)
 */
@ConfigurationProperties("pgx.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("") String audienceBaseUrl,
                                 @DefaultValue({"ES384", "RS384"}) List<String> algorithms,
                                 @DefaultValue("60s") Duration clockSkew,
                                 @DefaultValue("1h") Duration maxTokenLifetime,
                                 @DefaultValue("100000") int replayCacheSize,
                                 @DefaultValue List<Issuer> issuers) {

    /**
     * One trusted CDS client (or identity provider). Give {@code jwksUrl} or {@code jwksFile}.
     *
     * @param iss      the exact {@code iss} value
     * @param jwksUrl  URL of its JWK Set; a {@code jku} header is accepted only when it equals this URL
     * @param jwksFile a local JWK Set (JSON) or a PEM public key / certificate
     */
    public record Issuer(String iss, String jwksUrl, Path jwksFile) {
    }
}
