package no.pgx.cds.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * General service settings under {@code pgx.*}. Feature settings live beside their feature
 * ({@code pgx.security.*}, {@code pgx.fhir.*}, {@code pgx.feedback.*}).
 *
 * @param language default card language when the request has no usable {@code Accept-Language}: {@code nb} or
 *                 {@code en}
 * @param cards    card settings
 * @param cors     CORS settings for browser-based CDS clients
 */
@ConfigurationProperties("pgx")
public record CdsProperties(@DefaultValue("nb") String language, @DefaultValue Cards cards, @DefaultValue Cors cors) {

    /**
     * @param minimumIndicator  cards below this indicator ({@code info} &lt; {@code warning} &lt; {@code critical}) are not
     *                          returned at order time
     * @param codeSystemBase    namespace of this service's own code systems (card topic, override reasons): an
     *                          absolute URI the deployer controls; the systems are {@code <base>/card-topic} and
     *                          {@code <base>/override-reason} ({@code :} instead of {@code /} for a {@code urn:}
     *                          base). The default {@code urn:example:pgx-cds} is a placeholder (RFC 6963 reserves
     *                          {@code urn:example:} for examples and trials): see {@code no.pgx.cds.hooks.CodeSystems}
     * @param serviceName       name shown in source labels and logs
     * @param linkHosts         the only hosts cards link to (https): the guideline publishers
     * @param cardTopicSystem   the card topic code system in full, instead of the one derived from
     *                          {@code codeSystemBase} (e.g. an OID the deployer owns); empty: derived
     * @param overrideReasonSystem the override-reason code system in full; empty: derived from {@code codeSystemBase}
     * @param includeNormal     also return an {@code info} card at order time when the patient's result calls for the
     *                          standard dose (default false: quiet unless the result changes something)
     */
    public record Cards(@DefaultValue("info") String minimumIndicator,
                        @DefaultValue("urn:example:pgx-cds") String codeSystemBase,
                        @DefaultValue("PGx") String serviceName,
                        @DefaultValue({"cpicpgx.org", "files.cpicpgx.org", "www.clinpgx.org", "www.pharmgkb.org"})
                        List<String> linkHosts,
                        @DefaultValue("") String cardTopicSystem,
                        @DefaultValue("") String overrideReasonSystem,
                        @DefaultValue("false") boolean includeNormal) {
    }

    /**
     * @param allowedOrigins origins allowed to call the service from a browser; empty turns CORS off
     * @param maxAgeSeconds  how long a browser may cache a pre-flight answer
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1800") long maxAgeSeconds) {
    }
}
