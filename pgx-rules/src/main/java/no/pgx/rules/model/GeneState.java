package no.pgx.rules.model;

/**
 * Result state of a gene as the rules see it. Mirrors the engine's four result states (docs/clinical-rules.md, "Four result
 * states, never mixed up"); a gene that is not tested has no {@link GeneFact} at all.
 */
public enum GeneState {
    /** Tested; the reference phenotype (normal metabolizer or function, risk allele negative). */
    NORMAL,
    /** Tested, but no phenotype could be called. */
    INDETERMINATE,
    /** Tested, and the phenotype may change drug choice or dose. */
    ACTIONABLE
}
