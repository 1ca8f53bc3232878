package no.pgx.engine.phenoconversion;

import java.util.List;

import no.pgx.engine.GeneResult;
import no.pgx.engine.Provenance;
import no.pgx.engine.ResultState;

/**
 * Genotype-predicted results for the tests, written out by hand from the CPIC tables (diplotype → activity score →
 * phenotype) so the tests do not depend on the phenotype caller. Activity-score genes are keyed on the score,
 * CYP2C19 on the phenotype, as in recommendations_cpic.csv.
 */
final class Results {
    private Results() {
    }

    /** A CYP2D6 or CYP2C9 result keyed on its activity score. */
    static GeneResult scored(String gene, String diplotype, String phenotype, String activityScore) {
        return new GeneResult(gene, diplotype, diplotype, phenotype, activityScore, activityScore, state(phenotype),
                List.of(), Provenance.UNKNOWN);
    }

    /** A result keyed on its phenotype (CYP2C19, or a lab that reported a phenotype only). */
    static GeneResult phenotyped(String gene, String diplotype, String phenotype) {
        return new GeneResult(gene, diplotype, diplotype, phenotype, null, phenotype, state(phenotype), List.of(),
                Provenance.UNKNOWN);
    }

    static GeneResult indeterminate(String gene, String diplotype) {
        return new GeneResult(gene, diplotype, diplotype, "Indeterminate", "n/a", "n/a", ResultState.INDETERMINATE,
                List.of(), Provenance.UNKNOWN);
    }

    private static ResultState state(String phenotype) {
        return phenotype.equals("Normal Metabolizer") ? ResultState.NORMAL : ResultState.ACTIONABLE;
    }
}
