package no.pgx.cds.discovery;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One CDS Service in the discovery response (CDS Hooks 2.0, "Discovery", response table). Immutable.
 *
 * @param hook              the hook the service is invoked on; required
 * @param title             human-friendly name; recommended
 * @param description       description; required
 * @param id                the {id} of {@code {baseUrl}/cds-services/{id}}; required
 * @param prefetch          prefetch key → FHIR query template; omitted when empty
 * @param usageRequirements human-friendly preconditions for using the service; omitted when null
 * @param extension         CDS Hooks 2.0 extensions ("Extensions": the name {@code extension} is reserved for them),
 *                          keyed by reverse-domain names; omitted when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"hook", "title", "description", "id", "prefetch", "usageRequirements", "extension"})
public record ServiceDescriptor(String hook, String title, String description, String id,
                                Map<String, String> prefetch, String usageRequirements, Map<String, Object> extension) {
}
