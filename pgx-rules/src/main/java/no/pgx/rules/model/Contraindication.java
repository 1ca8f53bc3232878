package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: a contraindication or caution of a drug from its product information ({@code clinical/contraindications.csv}).
 *
 * @param id       row id; never null
 * @param drug     the drug (English INN, lower case; a combination with {@code +}); never null
 * @param kind     {@code condition}, {@code indication}, {@code age-min}, {@code age-max}, {@code weight-max} or
 *                 {@code co-medication}; never null
 * @param value    the condition id, the age or weight limit, or the co-medication drug id; never null
 * @param severity {@code contraindicated}, {@code not-recommended} or {@code caution}; never null
 */
public record Contraindication(String id, String drug, String kind, String value, String severity) {
    public Contraindication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(severity, "severity");
    }

    /** @return the value as a number (age or weight limits) */
    public double limit() {
        return Double.parseDouble(value);
    }
}
