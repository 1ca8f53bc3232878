package no.pgx.cds.hooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.databind.JsonNode;

/**
 * One action of a suggestion (CDS Hooks 2.0, "Action"). Immutable.
 *
 * @param type        {@code create}, {@code update} or {@code delete}
 * @param description human-readable description; required
 * @param resource    the FHIR resource to create, or the whole updated resource; null for delete
 * @param resourceId  relative reference of the resource to delete ({@code MedicationRequest/123}); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "description", "resourceId", "resource"})
public record SuggestionAction(String type, String description, JsonNode resource, String resourceId) {
    /** @return a create action */
    public static SuggestionAction create(String description, JsonNode resource) {
        return new SuggestionAction("create", description, resource, null);
    }

    /** @return an update action carrying the whole updated resource */
    public static SuggestionAction update(String description, JsonNode resource) {
        return new SuggestionAction("update", description, resource, null);
    }

    /** @return a delete action for a relative reference */
    public static SuggestionAction delete(String description, String resourceId) {
        return new SuggestionAction("delete", description, null, resourceId);
    }
}
