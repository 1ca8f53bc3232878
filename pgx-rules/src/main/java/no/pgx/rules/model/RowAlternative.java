package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: an alternative drug a recommendation row names (the row's {@code alternatives} column; a fixed combination is
 * written with {@code +}).
 *
 * @param rowId       the recommendation row id; never null
 * @param alternative English INN (lower case) of the alternative; never null
 */
public record RowAlternative(String rowId, String alternative) {
    /**
     * Checks the components.
     *
     * @param rowId       the recommendation row id; not null
     * @param alternative the alternative; not null
     * @throws NullPointerException when a component is null
     */
    public RowAlternative {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(alternative, "alternative");
    }
}
