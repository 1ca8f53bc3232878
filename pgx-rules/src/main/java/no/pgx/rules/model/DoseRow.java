package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: one structured dose statement of a recommendation row ({@code curation/dose-facts.csv}).
 *
 * @param id               {@code recommendationId#n} (n = position of the statement for that row); never null
 * @param recommendationId the recommendation row; never null
 * @param ageMin           lowest age in years the statement applies to (inclusive), or null
 * @param ageMax           age in years from which it no longer applies (exclusive), or null
 */
public record DoseRow(String id, String recommendationId, Integer ageMin, Integer ageMax) {
    public DoseRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recommendationId, "recommendationId");
    }

    /** @return true when the statement has an age band */
    public boolean ageBanded() {
        return ageMin != null || ageMax != null;
    }

    /** @return true when the age is known and falls outside the statement's age band */
    public boolean excludesAge(Integer age) {
        return age != null && ((ageMin != null && age < ageMin) || (ageMax != null && age >= ageMax));
    }
}
