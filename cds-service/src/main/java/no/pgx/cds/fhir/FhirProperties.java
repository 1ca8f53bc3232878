package no.pgx.cds.fhir;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for fetching FHIR data from the client's server when a prefetch key is missing ({@code pgx.fhir.*}).
 *
 * @param connectTimeout        TCP connect timeout
 * @param requestTimeout        longest one FHIR request may take (headers and body)
 * @param callTimeout           longest all FHIR requests of one hook call may take together (every key, every page);
 *                              what is not had by then counts as "could not be fetched"
 * @param maxResponseBytes      largest response body accepted; larger answers count as "cannot be had"
 * @param maxPages              most search-result pages followed through {@code Bundle.link[next]}
 * @param maxConcurrentFetches  most hook calls fetching from FHIR servers at once; a call beyond that does not wait
 *                              (its missing keys count as "could not be fetched"), so slow FHIR servers can never take
 *                              every request thread
 * @param allowedServers        FHIR base URLs the service may call (scheme, host, port and path prefix are compared
 *                              after parsing); empty allows any public server (see {@code allowPrivateAddresses})
 * @param allowPrivateAddresses without an allow-list, also allow servers whose address is loopback, link-local or
 *                              private (off by default: the service must not become a way into the local network)
 * @param requireHttps          refuse {@code http://} FHIR servers (the spec requires https for production data)
 */
@ConfigurationProperties("pgx.fhir")
public record FhirProperties(@DefaultValue("2s") Duration connectTimeout,
                             @DefaultValue("5s") Duration requestTimeout,
                             @DefaultValue("8s") Duration callTimeout,
                             @DefaultValue("5242880") long maxResponseBytes,
                             @DefaultValue("5") int maxPages,
                             @DefaultValue("8") int maxConcurrentFetches,
                             @DefaultValue List<String> allowedServers,
                             @DefaultValue("false") boolean allowPrivateAddresses,
                             @DefaultValue("false") boolean requireHttps) {
}
