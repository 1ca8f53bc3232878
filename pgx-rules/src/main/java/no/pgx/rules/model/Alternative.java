package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: an alternative that advice for an ordered drug names, to be checked before it is offered.
 *
 * @param forDrug  the ordered drug whose advice names it; never null
 * @param drug     the alternative (English INN, lower case; a combination with {@code +}); never null
 * @param replaces the drug it would replace: {@code forDrug}, or the perpetrator of an interaction; never null
 * @param origin   id of the candidate (recommendation row or interaction advice) that names it; never null
 */
public record Alternative(String forDrug, String drug, String replaces, String origin) {
    /**
     * Checks the components.
     *
     * @param forDrug  the ordered drug; not null
     * @param drug     the alternative; not null
     * @param replaces the drug it would replace; not null
     * @param origin   id of the candidate that names it; not null
     * @throws NullPointerException when a component is null
     */
    public Alternative {
        Objects.requireNonNull(forDrug, "forDrug");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(replaces, "replaces");
        Objects.requireNonNull(origin, "origin");
    }

    /** @return true when the alternative would replace the ordered drug itself (not an interacting co-medication) */
    public boolean replacesOrderedDrug() {
        return replaces.equals(forDrug);
    }
}
