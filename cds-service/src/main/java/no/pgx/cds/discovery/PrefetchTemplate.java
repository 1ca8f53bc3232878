package no.pgx.cds.discovery;

import java.util.Objects;

/**
 * A prefetch template of one of our services.
 *
 * @param key      the prefetch key
 * @param query    the FHIR read/search with prefetch tokens ({@code {{context.patientId}}})
 * @param required true when the service cannot give safe advice without it: when the key is absent and the data
 *                 cannot be fetched from the client's FHIR server, the call is answered 412; an optional template
 *                 that cannot be had is skipped (and logged)
 */
public record PrefetchTemplate(String key, String query, boolean required) {
    public PrefetchTemplate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(query, "query");
    }
}
