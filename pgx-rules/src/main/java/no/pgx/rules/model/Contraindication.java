package no.pgx.rules.model;

import java.util.Objects;
import java.util.Set;

/**
 * Fact: a contraindication or caution of a drug from its product information ({@code clinical/contraindications.csv}).
 *
 * @param id            row id; never null
 * @param drug          the drug (English INN, lower case; a combination with {@code +}); never null
 * @param kind          {@code condition}, {@code indication}, {@code age-min}, {@code age-max}, {@code weight-max},
 *                      {@code co-medication} or {@code ancestry}; never null
 * @param value         the condition id, the age or weight limit, the co-medication as written ({@code atc:B01AA},
 *                      {@code cyp:CYP3A4:inhibitor:strong}) or the ancestry group; never null
 * @param severity      {@code contraindicated}, {@code not-recommended} or {@code caution}; never null
 * @param drugs         for {@code co-medication}: the drug ids the value stands for (expanded from ATC prefixes and
 *                      perpetrator classes at load); empty otherwise
 * @param withCondition a condition id that must also hold (patient history or order indication), or null
 */
public record Contraindication(String id, String drug, String kind, String value, String severity, Set<String> drugs,
                               String withCondition) {
    /**
     * Checks the required components and keeps an unmodifiable copy of {@code drugs}.
     *
     * @param id            row id; not null
     * @param drug          the drug; not null
     * @param kind          what the row restricts; not null
     * @param value         the restricting value; not null
     * @param severity      how strict the row is; not null
     * @param drugs         expanded co-medication drug ids; null becomes empty; no null element
     * @param withCondition a condition that must also hold, or null
     * @throws NullPointerException when a required component is null or {@code drugs} holds null
     */
    public Contraindication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(severity, "severity");
        drugs = drugs == null ? Set.of() : Set.copyOf(drugs);
    }

    /**
     * A row without co-medication expansion and without an extra condition.
     *
     * @param id       row id; not null
     * @param drug     the drug; not null
     * @param kind     what the row restricts; not null
     * @param value    the restricting value; not null
     * @param severity how strict the row is; not null
     * @throws NullPointerException when an argument is null
     */
    public Contraindication(String id, String drug, String kind, String value, String severity) {
        this(id, drug, kind, value, severity, Set.of(), null);
    }

    /**
     * @return the value as a number (age limits in years, weight limits in kg)
     * @throws NumberFormatException when the value is not a number (rows of other kinds)
     */
    public double limit() {
        return Double.parseDouble(value);
    }

    /** @return true when the row needs a second condition to apply */
    public boolean conditional() {
        return withCondition != null;
    }
}
