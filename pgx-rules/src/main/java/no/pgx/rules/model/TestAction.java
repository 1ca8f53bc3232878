package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: a recommendation row whose advice is a test of the phenotype before the first dose, because the genotype cannot
 * tell it ({@code curation/test-actions.csv}): CPIC G6PD, {@code Variable} (heterozygous, X-linked mosaicism) and
 * {@code Indeterminate}: measure the G6PD enzyme activity, then follow the row of the measured phenotype.
 *
 * @param id               the curation row's id ({@code ta-rasburicase-g6pd-variable}); never null
 * @param recommendationId the recommendation row; never null
 */
public record TestAction(String id, String recommendationId) {
    /** The action name a test action gives the recommendation. */
    public static final String ACTION = "TEST_REQUIRED";

    public TestAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recommendationId, "recommendationId");
    }

    /** @return the id of the recommendation's variant with the test action ({@code PA166297622@ta-rasburicase-g6pd-variable}) */
    public String variantId() {
        return recommendationId + "@" + id;
    }
}
