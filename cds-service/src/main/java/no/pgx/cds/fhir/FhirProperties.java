package no.pgx.cds.fhir;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for fetching FHIR data from the client's server when a prefetch key is missing ({@code pgx.fhir.*}).
 *
 * @param connectTimeout  TCP connect timeout
 * @param requestTimeout  timeout of one whole request (headers and body)
 * @param maxResponseBytes largest response body accepted; larger answers count as "cannot be had"
 * @param maxPages        most search-result pages followed through {@code Bundle.link[next]}
 * @param allowedServers  base-URL prefixes the service may call; empty allows any {@code fhirServer} (the caller is
 *                        an authenticated CDS client); set it in production to stop the service being used as a proxy
 * @param requireHttps    refuse {@code http://} FHIR servers (the spec requires https for production data)
 */
@ConfigurationProperties("pgx.fhir")
public record FhirProperties(@DefaultValue("2s") Duration connectTimeout,
                             @DefaultValue("5s") Duration requestTimeout,
                             @DefaultValue("5242880") long maxResponseBytes,
                             @DefaultValue("5") int maxPages,
                             @DefaultValue List<String> allowedServers,
                             @DefaultValue("false") boolean requireHttps) {
}
