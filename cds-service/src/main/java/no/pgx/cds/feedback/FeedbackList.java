package no.pgx.cds.feedback;

import java.util.List;

/**
 * The answer of {@code GET /cds-services/{id}/feedback}: stored feedback, newest first.
 *
 * @param feedback the items
 */
public record FeedbackList(List<StoredFeedback> feedback) {
}
