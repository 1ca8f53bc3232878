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

    /**
     * Checks the required components.
     *
     * @param id               the curation row's id; not null
     * @param recommendationId the recommendation row; not null
     * @throws NullPointerException when a component is null
     */
    public TestAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recommendationId, "recommendationId");
    }

    /**
     * The id of the recommendation's variant with the test action.
     *
     * @return {@code recommendationId@id} ({@code PA166297622@ta-rasburicase-g6pd-variable})
     */
    public String variantId() {
        return recommendationId + "@" + id;
    }
}
