package no.pgx.engine.phenoconversion;


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
        return result(gene, diplotype, phenotype).activityScore(activityScore).lookupKey(activityScore).build();
    }

    /** A result keyed on its phenotype (CYP2C19, or a lab that reported a phenotype only). */
    static GeneResult phenotyped(String gene, String diplotype, String phenotype) {
        return result(gene, diplotype, phenotype).lookupKey(phenotype).build();
    }

    static GeneResult indeterminate(String gene, String diplotype) {
        return result(gene, diplotype, "Indeterminate").activityScore("n/a").lookupKey("n/a")
                .state(ResultState.INDETERMINATE).build();
    }

    private static GeneResult.Builder result(String gene, String diplotype, String phenotype) {
        return GeneResult.builder().gene(gene).diplotypeAsWritten(diplotype).diplotype(diplotype).phenotype(phenotype)
                .state(state(phenotype)).provenance(Provenance.UNKNOWN);
    }

    private static ResultState state(String phenotype) {
        return phenotype.equals("Normal Metabolizer") ? ResultState.NORMAL : ResultState.ACTIONABLE;
    }
}
