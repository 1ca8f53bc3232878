package no.pgx.engine;

/** What a piece of {@link DrugAdvice} rests on. */
public enum AdviceBasis {
    /** The patient's genotype-predicted result and the CPIC/DPWG recommendations for it. */
    GENOTYPE,
    /**
     * A drug–drug–gene interaction: co-medication alone makes the result actionable. The advice is labelled with the
     * basis of the interaction advice (guideline text on inhibitors, product information, interaction tables), never
     * with the grade of the genotype recommendation.
     */
    INTERACTION,
    /** No result on file for a gene that must (or should) be tested before the drug is started. */
    TEST_BEFORE_START
}
