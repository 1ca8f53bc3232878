package no.pgx.rules.model;

import java.util.Objects;
import java.util.Set;

/**
 * Fact: what a dosing-algorithm guideline says for some results of one gene ({@code curation/algorithm-statements.csv}):
 * CPIC warfarin, consider another anticoagulant for CYP2C9 poor metabolizers (not with a mechanical heart valve);
 * raise the algorithm dose by 5-10 % for CYP4F2*3 carriers.
 *
 * @param id                the statement's id; never null
 * @param source            {@code CPIC}; never null
 * @param drug              the drug; never null
 * @param gene              the gene; never null
 * @param phenotypes        the phenotypes (or genotype labels) of the gene it applies to; never empty
 * @param action            the action ({@code CONSIDER_ALTERNATIVE}, {@code INCREASE_DOSE} …); never null
 * @param exceptConditions  condition ids (history or the order's indication) for which it does not hold
 */
public record AlgorithmStatement(String id, String source, String drug, String gene, Set<String> phenotypes,
                                 String action, Set<String> exceptConditions) {
    /**
     * Checks the required components and keeps unmodifiable copies of the sets.
     *
     * @param id               the statement's id; not null
     * @param source           the guideline source; not null
     * @param drug             the drug; not null
     * @param gene             the gene; not null
     * @param phenotypes       the phenotypes it applies to; not null, no null element
     * @param action           the action; not null
     * @param exceptConditions condition ids that rule it out; not null, no null element
     * @throws NullPointerException when a required component or a set is null, or a set holds null
     */
    public AlgorithmStatement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(action, "action");
        phenotypes = Set.copyOf(phenotypes);
        exceptConditions = Set.copyOf(exceptConditions);
    }

    /**
     * @param context    the request's context, for the patient's conditions; not null
     * @param indication the order's indication (condition id), or null when unknown
     * @return true when the patient's conditions or the order's indication rule the statement out; an unknown
     *         condition list rules nothing out
     */
    public boolean excludedBy(AssessmentContext context, String indication) {
        for (String c : exceptConditions) {
            if (c.equals(indication) || context.hasCondition(c)) {
                return true;
            }
        }
        return false;
    }
}
