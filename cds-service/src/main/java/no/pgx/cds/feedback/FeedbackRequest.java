package no.pgx.cds.feedback;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code POST /cds-services/{id}/feedback}: {@code {"feedback": [...]}}.
 *
 * @param feedback the items; required, non-empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackRequest(List<Feedback> feedback) {
}
