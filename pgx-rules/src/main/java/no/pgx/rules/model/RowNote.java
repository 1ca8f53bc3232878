package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: a curated note of a recommendation row ({@code dose_note} column) that a rule needs, e.g.
 * {@code interaction-dependent} (DPWG eliglustat: standard dose unless CYP2D6/CYP3A inhibitors are taken).
 *
 * @param rowId the recommendation row; never null
 * @param note  the note key; never null
 */
public record RowNote(String rowId, String note) {
    /**
     * Checks the components.
     *
     * @param rowId the recommendation row; not null
     * @param note  the note key; not null
     * @throws NullPointerException when a component is null
     */
    public RowNote {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(note, "note");
    }
}
