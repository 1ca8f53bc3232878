package no.pgx.engine;

/** What a finding asks the prescriber to do. The names are part of the CLI and service contracts. */
public enum Action {
    /** Do not use the drug (contraindicated / not recommended). */
    AVOID,
    /** Prefer an alternative drug where possible. */
    CONSIDER_ALTERNATIVE,
    /** Use a lower (starting) dose. */
    REDUCE_DOSE,
    /** Use a higher (starting) dose. */
    INCREASE_DOSE,
    /** Use the standard dose. */
    STANDARD_DOSE,
    /** Use with extra monitoring (e.g. therapeutic drug monitoring, clinical follow-up). */
    MONITOR,
    /** A genotype test is needed before the drug is started. */
    TEST_REQUIRED,
    /** A guideline exists, but it gives no recommendation for this result. */
    NO_RECOMMENDATION
}
