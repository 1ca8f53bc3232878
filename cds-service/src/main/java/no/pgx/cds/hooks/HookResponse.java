package no.pgx.cds.hooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The hook response: {@code {"cards": [...]}}; {@code cards} is always present and empty when there is nothing to
 * say (CDS Hooks 2.0, "HTTP Response"). Immutable.
 *
 * @param cards the cards
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HookResponse(List<Card> cards) {
    public HookResponse {
        cards = cards == null ? List.of() : List.copyOf(cards);
    }
}
