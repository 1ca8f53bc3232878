package no.pgx.cds.feedback;

import java.util.List;

import no.pgx.cds.hooks.CardCoding;

/**
 * What the service remembers of a card it issued, to check feedback against it. Immutable.
 *
 * @param uuid            card uuid
 * @param serviceId       the service that issued it
 * @param suggestionIds   uuids of its suggestions
 * @param overrideReasons the override reasons it offered
 */
public record IssuedCard(String uuid, String serviceId, List<String> suggestionIds, List<CardCoding> overrideReasons) {
    public IssuedCard {
        suggestionIds = List.copyOf(suggestionIds);
        overrideReasons = List.copyOf(overrideReasons);
    }
}
