package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: a drug being assessed.
 *
 * @param drug     English INN, lower case, as in the knowledge tables; never null
 * @param newStart true when the patient does not already take the drug (it is not on the current medication list)
 */
public record OrderedDrug(String drug, boolean newStart) {
    public OrderedDrug {
        Objects.requireNonNull(drug, "drug");
    }
}
