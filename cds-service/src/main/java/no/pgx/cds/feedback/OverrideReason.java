package no.pgx.cds.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import no.pgx.cds.hooks.CardCoding;

/**
 * Why a card was overridden (CDS Hooks 2.0, "OverrideReason").
 *
 * @param reason      one of the card's {@code overrideReasons}, or null when only a comment was given
 * @param userComment free text from the user, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OverrideReason(CardCoding reason, String userComment) {
}
