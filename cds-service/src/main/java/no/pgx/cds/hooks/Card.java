package no.pgx.cds.hooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A card (CDS Hooks 2.0, "Card Attributes"). Immutable. Empty optional fields are omitted, as the spec requires.
 *
 * @param uuid              id of the card, used by feedback
 * @param summary           one sentence, fewer than 140 characters; required
 * @param detail            GitHub-flavoured Markdown, or null
 * @param indicator         {@code info}, {@code warning} or {@code critical}; required
 * @param source            the source; required
 * @param suggestions       suggestions; when present {@code selectionBehavior} is too
 * @param selectionBehavior {@code at-most-one} when there are suggestions, else null
 * @param overrideReasons   coded reasons the user may give when overriding
 * @param links             links to the guidelines
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"uuid", "summary", "indicator", "detail", "source", "suggestions", "selectionBehavior",
        "overrideReasons", "links"})
public record Card(String uuid, String summary, String detail, String indicator, Source source,
                   List<Suggestion> suggestions, String selectionBehavior, List<CardCoding> overrideReasons,
                   List<Link> links) {
    public Card {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
