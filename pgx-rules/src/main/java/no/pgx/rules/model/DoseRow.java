package no.pgx.rules.model;

import java.util.Objects;
import java.util.Set;

/**
 * Fact: one structured dose statement of a recommendation row ({@code curation/dose-facts.csv}).
 *
 * @param id               {@code recommendationId#n} (n = position of the statement for that row); never null
 * @param recommendationId the recommendation row; never null
 * @param ageMin           lowest age in years the statement applies to (inclusive), or null
 * @param ageMax           age in years from which it no longer applies (exclusive), or null
 * @param indications      the indications (condition ids) the statement is for; empty means every indication
 * @param notIndications   indications the statement is not for ({@code not:<id>}); never null
 */
public record DoseRow(String id, String recommendationId, Integer ageMin, Integer ageMax, Set<String> indications,
                      Set<String> notIndications) {
    /**
     * Checks the ids and keeps unmodifiable copies of the sets.
     *
     * @param id               {@code recommendationId#n}; not null
     * @param recommendationId the recommendation row; not null
     * @param ageMin           lowest age in years (inclusive), or null
     * @param ageMax           age in years from which it no longer applies (exclusive), or null
     * @param indications      indications it is for; null becomes empty (every indication); no null element
     * @param notIndications   indications it is not for; null becomes empty; no null element
     * @throws NullPointerException when an id is null or a set holds null
     */
    public DoseRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recommendationId, "recommendationId");
        indications = indications == null ? Set.of() : Set.copyOf(indications);
        notIndications = notIndications == null ? Set.of() : Set.copyOf(notIndications);
    }

    /**
     * A statement for every indication.
     *
     * @param id               {@code recommendationId#n}; not null
     * @param recommendationId the recommendation row; not null
     * @param ageMin           lowest age in years (inclusive), or null
     * @param ageMax           age in years from which it no longer applies (exclusive), or null
     * @throws NullPointerException when an id is null
     */
    public DoseRow(String id, String recommendationId, Integer ageMin, Integer ageMax) {
        this(id, recommendationId, ageMin, ageMax, Set.of(), Set.of());
    }

    /** @return true when the statement has an age band */
    public boolean ageBanded() {
        return ageMin != null || ageMax != null;
    }

    /**
     * @param age the patient's age in whole years, or null when unknown
     * @return true when the age is known and falls outside the statement's age band; false for null
     */
    public boolean excludesAge(Integer age) {
        return age != null && ((ageMin != null && age < ageMin) || (ageMax != null && age >= ageMax));
    }

    /**
     * @return true when the order's indication is known and the statement is not for it. The dose-facts id
     *         {@code malignancy} stands for any cancer indication (an id naming a cancer, leukaemia, lymphoma or
     *         tumour).
     * @param indication the order's indication (condition id), or null when unknown (never excludes)
     */
    public boolean excludesIndication(String indication) {
        if (indication == null) {
            return false;
        }
        if (notIndications.contains(indication) || notIndications.contains("malignancy") && malignancy(indication)) {
            return true;
        }
        return !indications.isEmpty() && !indications.contains(indication)
                && !(indications.contains("malignancy") && malignancy(indication));
    }

    private static boolean malignancy(String indication) {
        return indication.matches(".*(cancer|carcinoma|leukaemia|leukemia|lymphoma|tumour|tumor|malignan|myeloma).*");
    }
}
