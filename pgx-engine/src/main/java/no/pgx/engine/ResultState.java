package no.pgx.engine;

/**
 * The four states a gene result can be in (docs/clinical-rules.md#four-result-states).
 *
 * <p>"No result on file" is {@link #NOT_TESTED} and is never shown as normal.
 */
public enum ResultState {
    /** The gene is not in the panel, or no result is on file for the patient. */
    NOT_TESTED,
    /** Tested; the phenotype is the normal (reference) one: no action expected from it. */
    NORMAL,
    /** Tested, but no phenotype can be called (e.g. an allele of uncertain function). */
    INDETERMINATE,
    /** Tested, and the phenotype may change drug choice or dose. */
    ACTIONABLE
}
