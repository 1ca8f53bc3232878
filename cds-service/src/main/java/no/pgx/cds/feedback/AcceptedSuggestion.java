package no.pgx.cds.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An accepted suggestion in feedback (CDS Hooks 2.0, "AcceptedSuggestion").
 *
 * @param id the {@code suggestion.uuid}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AcceptedSuggestion(String id) {
}
