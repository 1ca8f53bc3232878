package no.pgx.cds.feedback;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Feedback as stored, for reading back. Immutable.
 *
 * @param service             service id the feedback was sent to
 * @param card                card uuid
 * @param outcome             {@code accepted} or {@code overridden}
 * @param acceptedSuggestions accepted suggestion uuids
 * @param overrideReason      the reason, or null
 * @param outcomeTimestamp    when the user acted (as sent)
 * @param receivedAt          when the service stored it (ISO 8601, UTC)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StoredFeedback(String service, String card, String outcome, List<AcceptedSuggestion> acceptedSuggestions,
                             OverrideReason overrideReason, String outcomeTimestamp, String receivedAt) {
}
