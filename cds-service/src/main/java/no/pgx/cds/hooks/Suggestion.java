package no.pgx.cds.hooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A suggestion on a card (CDS Hooks 2.0, "Suggestion"). Immutable.
 *
 * @param label         button text; required
 * @param uuid          id used in feedback {@code acceptedSuggestions}
 * @param isRecommended true when this is the recommended choice, else null (omitted)
 * @param actions       the actions, logically AND'ed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suggestion(String label, String uuid, Boolean isRecommended, List<SuggestionAction> actions) {
    public Suggestion {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
