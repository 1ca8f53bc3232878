package no.pgx.cds.hooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A link on a card (CDS Hooks 2.0, "Link"). Immutable.
 *
 * @param label link text; required
 * @param url   the URL; required
 * @param type  {@code absolute} or {@code smart}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Link(String label, String url, String type) {
    /** @return an absolute link */
    public static Link absolute(String label, String url) {
        return new Link(label, url, "absolute");
    }
}
