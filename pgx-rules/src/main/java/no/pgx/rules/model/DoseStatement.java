package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: a dose statement ({@link DoseRow}) that applies to a surviving recommendation for this patient.
 *
 * @param drug  the ordered drug; never null
 * @param rowId the {@link DoseRow#id()}; never null
 */
public record DoseStatement(String drug, String rowId) {
    /**
     * Checks the components.
     *
     * @param drug  the ordered drug; not null
     * @param rowId the dose row id; not null
     * @throws NullPointerException when a component is null
     */
    public DoseStatement {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(rowId, "rowId");
    }
}
