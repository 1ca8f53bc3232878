package no.pgx.cds.hooks;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The hook response: {@code {"cards": [...], "extension": {...}}}; {@code cards} is always present and empty when
 * there is nothing to say (CDS Hooks 2.0, "HTTP Response"); {@code extension} (CDS Hooks 2.0, "Extensions") names the
 * knowledge the cards come from ({@code no.pgx.knowledge}: release, summary, tables hash), even when there are no
 * cards. Immutable.
 *
 * @param cards     the cards
 * @param extension extensions keyed by reverse-domain names; omitted when empty
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"cards", "extension"})
public record HookResponse(List<Card> cards, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extension) {
    public HookResponse {
        cards = cards == null ? List.of() : List.copyOf(cards);
        extension = extension == null ? Map.of() : extension;
    }

    /** A response without extension. */
    public HookResponse(List<Card> cards) {
        this(cards, Map.of());
    }
}
