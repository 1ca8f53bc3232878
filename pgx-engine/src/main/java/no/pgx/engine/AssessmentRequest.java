package no.pgx.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request to assess drugs against a patient's gene results. Immutable; build with {@link #builder()}.
 *
 * @param results        the patient's gene results as reported; genes not listed are {@link ResultState#NOT_TESTED}
 * @param drugs          the drugs being ordered, by English or Norwegian name, ATC or RxNorm code; {@code null} means
 *                       every drug in the knowledge base
 * @param medications    the patient's current medication list (same notation); used for phenoconversion and to tell a
 *                       new start from a drug the patient already takes
 * @param population     the population when known ({@code adults}, {@code pediatrics}, {@code cvi-acs-pci} …), else null:
 *                       then every applicable population's recommendation is returned, labelled
 * @param ageYears       patient age in whole years when known (selects age-defined populations), else null
 * @param includeNormal  also return findings for normal results and {@link Action#NO_RECOMMENDATION} findings
 * @param sources        recommendation sources to use ({@code CPIC}, {@code DPWG}); empty means the engine's default
 */
public record AssessmentRequest(List<GeneInput> results, List<String> drugs, List<String> medications,
                                String population, Integer ageYears, boolean includeNormal, Set<String> sources) {
    public AssessmentRequest {
        results = results == null ? List.of() : List.copyOf(results);
        drugs = drugs == null ? null : List.copyOf(drugs);
        medications = medications == null ? List.of() : List.copyOf(medications);
        sources = sources == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(sources));
    }

    /** @return true when every drug of the knowledge base is to be assessed */
    public boolean allDrugs() {
        return drugs == null;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link AssessmentRequest}; not thread-safe. */
    public static final class Builder {
        private final List<GeneInput> results = new ArrayList<>();
        private List<String> drugs;
        private final List<String> medications = new ArrayList<>();
        private String population;
        private Integer ageYears;
        private boolean includeNormal;
        private final Set<String> sources = new LinkedHashSet<>();

        private Builder() {
        }

        public Builder result(GeneInput result) {
            results.add(result);
            return this;
        }

        public Builder results(List<GeneInput> all) {
            results.addAll(all);
            return this;
        }

        /** Adds an ordered drug (name, Norwegian name, ATC or RxNorm code). */
        public Builder drug(String drug) {
            if (drugs == null) {
                drugs = new ArrayList<>();
            }
            drugs.add(drug);
            return this;
        }

        public Builder drugs(List<String> all) {
            all.forEach(this::drug);
            if (drugs == null) {
                drugs = new ArrayList<>();
            }
            return this;
        }

        /** Assess every drug of the knowledge base (the default when no drug is added). */
        public Builder allDrugs() {
            drugs = null;
            return this;
        }

        public Builder medication(String medication) {
            medications.add(medication);
            return this;
        }

        public Builder medications(List<String> all) {
            medications.addAll(all);
            return this;
        }

        public Builder population(String population) {
            this.population = population;
            return this;
        }

        public Builder ageYears(Integer ageYears) {
            this.ageYears = ageYears;
            return this;
        }

        public Builder includeNormal(boolean includeNormal) {
            this.includeNormal = includeNormal;
            return this;
        }

        public Builder source(String source) {
            sources.add(source);
            return this;
        }

        public AssessmentRequest build() {
            return new AssessmentRequest(results, drugs, medications, population, ageYears, includeNormal, sources);
        }
    }
}
