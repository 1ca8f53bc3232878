package no.pgx.cds.discovery;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * This service's own codes, published in discovery (the {@value DiscoveryExtensions#CARD_CODES} extension) so that a
 * CDS client can map them before the first card: the card topic and the override reasons a user may give, with their
 * displays and meanings in Bokmål and English. Immutable.
 *
 * @param topic           the card topic ({@code card.source.topic})
 * @param overrideReasons the override reasons, in the order cards offer them
 */
@JsonPropertyOrder({"topic", "overrideReasons"})
public record CardCodes(Code topic, List<Code> overrideReasons) {
    public CardCodes {
        overrideReasons = List.copyOf(overrideReasons);
    }

    /**
     * One code.
     *
     * @param system  the code system URI (set by the deployer: {@code pgx.cards.code-system-base})
     * @param code    the code
     * @param display the display per language ({@code nb}, {@code en})
     * @param meaning what the code means, per language; omitted when the display says it all
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"system", "code", "display", "meaning"})
    public record Code(String system, String code, Map<String, String> display, Map<String, String> meaning) {
    }
}
