package no.pgx.cds.hooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import no.pgx.cds.fhir.Prefetch;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /cds-services/{id}} (CDS Hooks 2.0, "Calling a CDS Service"). Bound leniently: the
 * {@code context} and {@code prefetch} objects stay JSON trees so that real-world variations can be tolerated and
 * an absent prefetch key can be told from a {@code null} one.
 *
 * @param hook              the hook that triggered the call; required
 * @param hookInstance      UUID of this hook call; required
 * @param fhirServer        base URL of the client's FHIR server, or null
 * @param fhirAuthorization bearer token for that server, or null
 * @param context           hook context; required
 * @param prefetch          prefetched data by key, or null when absent
 * @param extension         the request's CDS Hooks 2.0 {@code extension} object (implementation-defined keys, see
 *                          {@link RequestExtensions}), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HookRequest(String hook, String hookInstance, String fhirServer, FhirAuthorization fhirAuthorization,
                          JsonNode context, Prefetch prefetch, JsonNode extension) {
    /** A request without {@code extension}. */
    public HookRequest(String hook, String hookInstance, String fhirServer, FhirAuthorization fhirAuthorization,
            JsonNode context, Prefetch prefetch) {
        this(hook, hookInstance, fhirServer, fhirAuthorization, context, prefetch, null);
    }
}
