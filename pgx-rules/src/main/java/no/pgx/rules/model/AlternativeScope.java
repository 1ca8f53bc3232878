package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: where an alternative fits ({@code clinical/alternative-scope.csv}): for an ordered drug, an alternative is
 * appropriate (or not) for a recommendation population and/or an indication.
 *
 * @param id          row id; never null
 * @param drug        the ordered drug; never null
 * @param alternative the alternative; never null
 * @param population  population key ({@code cvi-acs-pci}), or null when the row is about an indication only
 * @param indication  condition id ({@code stroke-tia}), or null when the row is about a population only
 * @param appropriate true for {@code appropriate}, false for {@code not-appropriate}
 */
public record AlternativeScope(String id, String drug, String alternative, String population, String indication,
                               boolean appropriate) {
    public AlternativeScope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(alternative, "alternative");
    }

    /**
     * @return true when the order's population or indication is one this row names (a null on the order never
     *         matches)
     */
    public boolean fitsOrder(OrderedDrug order) {
        return (population != null && population.equals(order.population()))
                || (indication != null && indication.equals(order.indication()));
    }

    /** @return true when the order says which population and indication it is for, as far as this row asks */
    public boolean decidableFor(OrderedDrug order) {
        return (population == null || order.population() != null) && (indication == null || order.indication() != null)
                || fitsOrder(order);
    }
}
