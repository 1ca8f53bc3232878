package no.pgx.engine;

import java.time.LocalDate;
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
 * @param orders         what the orders say beyond the drug (indication, route), one per ordered drug that has any;
 *                       each order's drug is also in {@code drugs}
 * @param medicationUses start dates of current medications (the names are also in {@code medications})
 * @param weightKg       body weight in kg when known (checks alternatives against weight limits), else null
 * @param conditions     the patient's conditions (condition ids or ICD-10/ICPC-2/SNOMED CT codes, see
 *                       {@link DrugOrder#indication()}), or null when unknown: then a contraindication by condition
 *                       cannot be ruled out and no alternative it concerns is offered as a one-click suggestion
 * @param ancestry       the patient's ancestry groups ({@code han-chinese}, {@code thai} …) when known, else empty;
 *                       selects test information meant for a group (HLA-B*15:02 before carbamazepine)
 * @param orderDate      the date of the order (start dates are measured to it), or null for today
 */
public record AssessmentRequest(List<GeneInput> results, List<String> drugs, List<String> medications,
                                String population, Integer ageYears, boolean includeNormal, Set<String> sources,
                                List<DrugOrder> orders, List<MedicationUse> medicationUses, Double weightKg,
                                List<String> conditions, Set<String> ancestry, LocalDate orderDate) {
    public AssessmentRequest {
        results = results == null ? List.of() : List.copyOf(results);
        drugs = drugs == null ? null : List.copyOf(drugs);
        medications = medications == null ? List.of() : List.copyOf(medications);
        sources = sources == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(sources));
        orders = orders == null ? List.of() : List.copyOf(orders);
        medicationUses = medicationUses == null ? List.of() : List.copyOf(medicationUses);
        conditions = conditions == null ? null : List.copyOf(conditions);
        ancestry = ancestry == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(ancestry));
    }

    /** A request without order context, patient conditions, weight, ancestry or start dates. */
    public AssessmentRequest(List<GeneInput> results, List<String> drugs, List<String> medications,
                             String population, Integer ageYears, boolean includeNormal, Set<String> sources) {
        this(results, drugs, medications, population, ageYears, includeNormal, sources, List.of(), List.of(), null,
                null, Set.of(), null);
    }

    /** @return true when the caller gave the patient's conditions (possibly none) */
    public boolean conditionsKnown() {
        return conditions != null;
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
        private final List<DrugOrder> orders = new ArrayList<>();
        private final List<MedicationUse> medicationUses = new ArrayList<>();
        private Double weightKg;
        private List<String> conditions;
        private final Set<String> ancestry = new LinkedHashSet<>();
        private LocalDate orderDate;

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

        /** Adds a current medication with the date the patient started it (null when unknown). */
        public Builder medication(String medication, LocalDate startDate) {
            medications.add(medication);
            if (startDate != null) {
                medicationUses.add(new MedicationUse(medication, startDate));
            }
            return this;
        }

        /** Adds an ordered drug with its indication and route. */
        public Builder order(DrugOrder order) {
            drug(order.drug());
            if (order.indication() != null || order.route() != null) {
                orders.add(order);
            }
            return this;
        }

        public Builder weightKg(Double weightKg) {
            this.weightKg = weightKg;
            return this;
        }

        /** Adds one of the patient's conditions (id or code); the conditions count as known from then on. */
        public Builder condition(String condition) {
            if (conditions == null) {
                conditions = new ArrayList<>();
            }
            conditions.add(condition);
            return this;
        }

        /** Sets the patient's conditions (an empty list: known to have none of interest); null means unknown. */
        public Builder conditions(List<String> all) {
            conditions = all == null ? null : new ArrayList<>(all);
            return this;
        }

        public Builder ancestry(String group) {
            ancestry.add(group);
            return this;
        }

        public Builder orderDate(LocalDate date) {
            this.orderDate = date;
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
            return new AssessmentRequest(results, drugs, medications, population, ageYears, includeNormal, sources,
                    orders, medicationUses, weightKg, conditions, ancestry, orderDate);
        }
    }
}
