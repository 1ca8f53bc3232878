package no.pgx.rules.model;

import java.util.Set;

/**
 * Fact: what is known about the patient and the request beyond the gene results. Exactly one per evaluation.
 *
 * @param population      population key as in {@code populations.csv} named for the whole request, or null when
 *                        unknown (an order's own population is on its {@link OrderedDrug})
 * @param ageYears        age in whole years, or null when unknown
 * @param includeNormal   also keep findings for normal results and {@code NO_RECOMMENDATION} findings
 * @param weightKg        body weight in kg, or null when unknown
 * @param conditions      the patient's conditions (ids of {@code clinical/conditions.csv}); never null
 * @param conditionsKnown true when the caller gave the patient's conditions (possibly none); false when they are unknown,
 *                        so that a condition cannot be ruled out
 * @param ancestry        the patient's ancestry groups ({@code han-chinese}, {@code thai} …); empty when unknown
 * @param medications     drug ids of the patient's current medication and the other drugs being ordered; never null
 */
public record AssessmentContext(String population, Integer ageYears, boolean includeNormal, Double weightKg,
                                Set<String> conditions, boolean conditionsKnown, Set<String> ancestry,
                                Set<String> medications) {
    /**
     * Keeps unmodifiable copies of the sets; a null set becomes empty.
     *
     * @param population      population key, or null when unknown
     * @param ageYears        age in whole years, or null when unknown
     * @param includeNormal   also keep findings for normal results
     * @param weightKg        body weight in kg, or null when unknown
     * @param conditions      the patient's conditions; null becomes empty; no null element
     * @param conditionsKnown whether the caller gave the patient's conditions
     * @param ancestry        the patient's ancestry groups; null becomes empty; no null element
     * @param medications     drug ids of current and ordered drugs; null becomes empty; no null element
     * @throws NullPointerException when a set holds null
     */
    public AssessmentContext {
        conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
        ancestry = ancestry == null ? Set.of() : Set.copyOf(ancestry);
        medications = medications == null ? Set.of() : Set.copyOf(medications);
    }

    /**
     * A context with population, age and the visibility switch only (nothing else known: no weight, conditions
     * unknown, no ancestry, no other medication).
     *
     * @param population    population key, or null when unknown
     * @param ageYears      age in whole years, or null when unknown
     * @param includeNormal also keep findings for normal results
     */
    public AssessmentContext(String population, Integer ageYears, boolean includeNormal) {
        this(population, ageYears, includeNormal, null, Set.of(), false, Set.of(), Set.of());
    }

    /**
     * @param condition a condition id of {@code clinical/conditions.csv}; not null
     * @return true when the patient has the condition; false also when the conditions are unknown (see
     *         {@link #conditionsKnown()})
     * @throws NullPointerException when {@code condition} is null
     */
    public boolean hasCondition(String condition) {
        return conditions.contains(condition);
    }

    /**
     * @param drug a drug id; not null
     * @return true when the patient takes (or is being ordered) the drug
     * @throws NullPointerException when {@code drug} is null
     */
    public boolean takes(String drug) {
        return medications.contains(drug);
    }

    /**
     * @param groups ancestry group ids; not null
     * @return true when the ancestry is known and includes one of the groups
     * @throws NullPointerException when {@code groups} is null or holds null
     */
    public boolean ancestryIn(Set<String> groups) {
        for (String g : groups) {
            if (ancestry.contains(g)) {
                return true;
            }
        }
        return false;
    }

    /** @return true when the patient's ancestry is known */
    public boolean ancestryKnown() {
        return !ancestry.isEmpty();
    }
}
