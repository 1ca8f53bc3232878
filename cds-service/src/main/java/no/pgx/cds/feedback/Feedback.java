package no.pgx.cds.feedback;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One feedback item (CDS Hooks 2.0, "Feedback").
 *
 * @param card                the {@code card.uuid}; required
 * @param outcome             {@code accepted} or {@code overridden}; required
 * @param acceptedSuggestions required for {@code accepted}
 * @param overrideReason      optional, only for {@code overridden}
 * @param outcomeTimestamp    ISO 8601 timestamp (UTC) of the user's action; required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Feedback(String card, String outcome, List<AcceptedSuggestion> acceptedSuggestions,
                       OverrideReason overrideReason, String outcomeTimestamp) {
}
