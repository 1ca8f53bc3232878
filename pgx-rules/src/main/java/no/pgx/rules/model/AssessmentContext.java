package no.pgx.rules.model;

/**
 * Fact: what is known about the patient and the request beyond the gene results. Exactly one per evaluation.
 *
 * @param population    population key as in {@code populations.csv}, or null when unknown
 * @param ageYears      age in whole years, or null when unknown
 * @param includeNormal also keep findings for normal results and {@code NO_RECOMMENDATION} findings
 */
public record AssessmentContext(String population, Integer ageYears, boolean includeNormal) {
}
