package no.pgx.engine;

import java.util.List;
import java.util.Objects;

/**
 * An interpreted gene result: the genotype-predicted phenotype and the key that selects recommendations.
 *
 * @param gene                 normalised gene symbol ({@code CYP2D6})
 * @param diplotypeAsWritten   the diplotype as the lab wrote it, or null when none was given
 * @param diplotype            the normalised diplotype used for lookup (CPIC spelling, alleles in canonical order), or null
 * @param phenotype            CPIC phenotype term ({@code Poor Metabolizer}, {@code Indeterminate}, {@code *57:01 positive} …);
 *                             {@code No Result} when not tested
 * @param activityScore        activity score ({@code 1.25}, {@code ≥3.0}, {@code n/a}) for activity-score genes, else null
 * @param lookupKey            the value that selects recommendations for this gene (activity score for CYP2D6/CYP2C9/DPYD,
 *                             allele status for HLA, phenotype otherwise)
 * @param state                one of the four result states
 * @param warnings             human-readable warnings (e.g. a given phenotype contradicts the diplotype); never null
 * @param provenance           where the result comes from; never null
 */
public record GeneResult(String gene, String diplotypeAsWritten, String diplotype, String phenotype,
                         String activityScore, String lookupKey, ResultState state, List<String> warnings,
                         Provenance provenance) {
    /** The lookup key and phenotype used when a gene has no result on file. */
    public static final String NO_RESULT = "No Result";

    public GeneResult {
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(state, "state");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        provenance = provenance == null ? Provenance.UNKNOWN : provenance;
    }

    /** A gene with no result on file. */
    public static GeneResult notTested(String gene) {
        return new GeneResult(gene, null, null, NO_RESULT, null, NO_RESULT, ResultState.NOT_TESTED, List.of(),
                Provenance.UNKNOWN);
    }
}
