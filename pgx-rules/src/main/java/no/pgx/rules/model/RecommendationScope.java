package no.pgx.rules.model;

import java.util.Objects;
import java.util.Set;

/**
 * Fact: the indications a recommendation row is for, when its curated dose statements ({@code curation/dose-facts.csv})
 * all name them: CPIC tricyclics are for antidepressant doses ({@code depression}), CPIC thiopurine dose rows for
 * cancer ({@code malignancy}), DPWG clopidogrel for ACS, PCI and stroke/TIA, DPWG flecainide not for a Brugada
 * provocation test.
 *
 * @param recommendationId the row; never null
 * @param indications      the indications it is for; empty when it names only exclusions
 * @param notIndications   indications it is not for; never null
 */
public record RecommendationScope(String recommendationId, Set<String> indications, Set<String> notIndications) {
    /**
     * Checks the row id and keeps unmodifiable copies of the sets.
     *
     * @param recommendationId the row; not null
     * @param indications      the indications it is for; not null, no null element
     * @param notIndications   indications it is not for; not null, no null element
     * @throws NullPointerException when a component is null or a set holds null
     */
    public RecommendationScope {
        Objects.requireNonNull(recommendationId, "recommendationId");
        indications = Set.copyOf(indications);
        notIndications = Set.copyOf(notIndications);
    }

    /**
     * Same rule as {@link DoseRow#excludesIndication(String)}, {@code malignancy} included.
     *
     * @param indication the order's indication (condition id), or null when unknown
     * @return true when the order's indication is known and the recommendation is not for it
     */
    public boolean notFor(String indication) {
        return new DoseRow("scope", recommendationId, null, null, indications, notIndications)
                .excludesIndication(indication);
    }
}
