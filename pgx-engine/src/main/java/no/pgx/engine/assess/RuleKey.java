package no.pgx.engine.assess;

import java.util.List;
import java.util.Objects;

/**
 * Cache key of one drug's rule outcome: everything the rules for that drug can see. Gene facts are reduced to the
 * facets the drug's rows use (the diplotype and allele-function pair only where a row is keyed on them; each gene's
 * facts carry their hash, computed once per patient rather than once per drug), population and age only where the drug
 * has such populations, the new-start flag only where it matters (test requirements, therapy populations), so that
 * patients who differ elsewhere share an entry.
 *
 * <p>A plain class rather than a record: it is hashed and compared for every drug of every assessment, and a record's
 * generated {@code equals}/{@code hashCode} go through method handles, which cost most before the JIT has compiled
 * them (the first thousands of patients of a batch). The hash is computed once.
 */
final class RuleKey {
    private final String drug;
    private final List<AssessmentCache.FactsKey> facts;
    private final String population;
    private final Integer ageYears;
    private final boolean includeNormal;
    private final boolean newStart;
    private final List<Object> extra;
    private final int hash;

    RuleKey(String drug, List<AssessmentCache.FactsKey> facts, String population, Integer ageYears, boolean includeNormal,
            boolean newStart) {
        this(drug, facts, population, ageYears, includeNormal, newStart, List.of());
    }

    /**
     * @param extra the other parts of the request the drug's rules can see (order indication, start date, weight,
     *              relevant conditions, ancestry and co-medication, phenoconversions); empty for most drugs
     */
    RuleKey(String drug, List<AssessmentCache.FactsKey> facts, String population, Integer ageYears, boolean includeNormal,
            boolean newStart, List<Object> extra) {
        this.drug = drug;
        this.facts = facts;
        this.population = population;
        this.ageYears = ageYears;
        this.includeNormal = includeNormal;
        this.newStart = newStart;
        this.extra = extra;
        int h = drug.hashCode();
        h = 31 * h + facts.hashCode();
        h = 31 * h + Objects.hashCode(population);
        h = 31 * h + Objects.hashCode(ageYears);
        h = 31 * h + (includeNormal ? 1 : 0);
        h = 31 * h + (newStart ? 1 : 0);
        this.hash = 31 * h + extra.hashCode();
    }

    String drug() {
        return drug;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof RuleKey k && hash == k.hash && includeNormal == k.includeNormal && newStart == k.newStart
                && drug.equals(k.drug) && facts.equals(k.facts) && Objects.equals(population, k.population)
                && Objects.equals(ageYears, k.ageYears) && extra.equals(k.extra);
    }

    @Override
    public String toString() {
        return "RuleKey[" + drug + ", " + facts + ", " + population + ", " + ageYears + ", " + includeNormal + ", "
                + newStart + ", " + extra + "]";
    }
}
