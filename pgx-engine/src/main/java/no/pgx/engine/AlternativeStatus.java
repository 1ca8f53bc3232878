package no.pgx.engine;

/** The outcome of checking an alternative before it is offered. */
public enum AlternativeStatus {
    /** Passed every check: the patient's results, the product information, the order's population and indication. */
    SUITABLE,
    /**
     * May be offered, with the reasons shown: a caution, a dose change for the patient's genotype, a check that could
     * not be made because a fact is unknown (age, weight, conditions, indication), or a restriction to a population
     * the order does not state.
     */
    CAUTION,
    /** Must not be offered: contraindicated, not recommended, ruled out by the patient's results or the indication. */
    NOT_SUITABLE
}
