package no.pgx.engine.phenotype;

import java.util.List;

import no.pgx.engine.ResultState;

/**
 * The interpretation of one input before it becomes a {@link no.pgx.engine.GeneResult}.
 *
 * @param diplotype     normalised diplotype, or null
 * @param phenotype     CPIC term (or allele-status key for HLA)
 * @param activityScore formatted score for activity-score genes, else null
 * @param lookupKey     the value that selects recommendations
 * @param state         the result state
 * @param warnings      warnings, never null
 */
record Call(String diplotype, String phenotype, String activityScore, String lookupKey, ResultState state,
            List<String> warnings) {
    Call {
        warnings = List.copyOf(warnings);
    }
}
