package no.pgx.cds.hooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The source of a card (CDS Hooks 2.0, "Source"). Immutable.
 *
 * @param label short label, e.g. {@code CPIC (2022)}; required
 * @param url   absolute URL about the source, or null
 * @param topic high-level topic of the card, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String label, String url, CardCoding topic) {
}
