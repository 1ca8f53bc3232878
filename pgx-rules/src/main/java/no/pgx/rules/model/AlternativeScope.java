package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: where an alternative fits ({@code clinical/alternative-scope.csv}): for an ordered drug, whether an alternative
 * fits a recommendation population and/or an indication.
 *
 * @param id          row id; never null
 * @param drug        the ordered drug; never null
 * @param alternative the alternative; never null
 * @param population  population key ({@code cvi-acs-pci}; {@code general} = every population), or null when the row is
 *                    about an indication only
 * @param indication  condition id ({@code stroke-tia}), or null when the row is about a population only
 * @param fit         {@code appropriate}, {@code not-appropriate}, {@code outside-licence} or {@code not-addressed};
 *                    never null
 */
public record AlternativeScope(String id, String drug, String alternative, String population, String indication,
                               String fit) {
    /**
     * Checks the required components.
     *
     * @param id          row id; not null
     * @param drug        the ordered drug; not null
     * @param alternative the alternative; not null
     * @param population  population key, or null
     * @param indication  condition id, or null
     * @param fit         how the alternative fits; not null
     * @throws NullPointerException when {@code id}, {@code drug}, {@code alternative} or {@code fit} is null
     */
    public AlternativeScope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(alternative, "alternative");
        Objects.requireNonNull(fit, "fit");
    }

    /** @return true for {@code appropriate} */
    public boolean appropriate() {
        return fit.equals("appropriate");
    }

    /**
     * @param order the order; not null
     * @return true when the row applies to the order: its population is {@code general} or the order's, or its
     *         indication is the order's (a null on the order never matches)
     */
    public boolean fitsOrder(OrderedDrug order) {
        return "general".equals(population) || (population != null && population.equals(order.population()))
                || (indication != null && indication.equals(order.indication()));
    }

    /**
     * @param order the order; not null
     * @return true when the order states what this row asks about (population or indication), or the row fits
     */
    public boolean decidableFor(OrderedDrug order) {
        return "general".equals(population) || (population == null || order.population() != null)
                && (indication == null || order.indication() != null) || fitsOrder(order);
    }
}
