package no.pgx.engine.assess;

import java.util.List;

/**
 * Cache key of one drug's rule outcome: everything the rules for that drug can see. Gene facts are reduced to the
 * facets the drug's rows use (the diplotype and allele-function pair only where a row is keyed on them; each gene's
 * facts carry their hash, computed once per patient rather than once per drug), population and age only where the drug
 * has such populations, the new-start flag only where it matters (test requirements, therapy populations), so that
 * patients who differ elsewhere share an entry.
 */
record RuleKey(String drug, List<Assessor.FactsKey> facts, String population, Integer ageYears, boolean includeNormal,
               boolean newStart) {
}
