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
    public AssessmentContext {
        conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
        ancestry = ancestry == null ? Set.of() : Set.copyOf(ancestry);
        medications = medications == null ? Set.of() : Set.copyOf(medications);
    }

    /** A context with population, age and the visibility switch only (nothing else known). */
    public AssessmentContext(String population, Integer ageYears, boolean includeNormal) {
        this(population, ageYears, includeNormal, null, Set.of(), false, Set.of(), Set.of());
    }

    /** @return true when the patient has the condition */
    public boolean hasCondition(String condition) {
        return conditions.contains(condition);
    }

    /** @return true when the patient takes (or is being ordered) the drug */
    public boolean takes(String drug) {
        return medications.contains(drug);
    }

    /** @return true when the ancestry is known and includes one of the groups */
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
