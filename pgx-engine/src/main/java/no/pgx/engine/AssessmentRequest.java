package no.pgx.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A request to assess drugs against a patient's gene results. Immutable, with value equality (usable as a cache key);
 * build with {@link #builder()}.
 *
 * <p><b>Which drugs.</b> A request names the drugs to assess ({@link Builder#drug(String)}, {@link Builder#drugs(List)},
 * {@link Builder#order(DrugOrder)}) or asks for every drug of the knowledge base with {@link Builder#allDrugs()}. A
 * builder given neither fails in {@link Builder#build()} with a {@link PgxException} for the field {@code drugs}: a
 * forgotten drug list never turns silently into an assessment of every drug. An explicitly empty list
 * ({@code drugs(List.of())}) is valid and assesses nothing.
 */
public final class AssessmentRequest {
    private final List<GeneInput> results;
    private final List<String> drugs;
    private final boolean allDrugs;
    private final List<String> medications;
    private final String population;
    private final Integer ageYears;
    private final boolean includeNormal;
    private final Set<String> sources;
    private final List<DrugOrder> orders;
    private final List<MedicationUse> medicationUses;
    private final Double weightKg;
    private final List<String> conditions;
    private final Set<String> ancestry;
    private final LocalDate orderDate;

    private AssessmentRequest(Builder b) {
        if (b.drugs == null && !b.allDrugs) {
            throw new PgxException(null, "drugs", "AssessmentRequest without drugs: name the drugs to assess "
                    + "(drug, drugs or order) or call allDrugs() to assess every drug of the knowledge base");
        }
        this.results = List.copyOf(b.results);
        this.allDrugs = b.allDrugs;
        this.drugs = b.allDrugs ? List.of() : List.copyOf(b.drugs);
        this.medications = List.copyOf(b.medications);
        this.population = b.population;
        this.ageYears = b.ageYears;
        this.includeNormal = b.includeNormal;
        this.sources = Collections.unmodifiableSet(new LinkedHashSet<>(b.sources));
        this.orders = List.copyOf(b.orders);
        this.medicationUses = List.copyOf(b.medicationUses);
        this.weightKg = b.weightKg;
        this.conditions = b.conditions == null ? null : List.copyOf(b.conditions);
        this.ancestry = Collections.unmodifiableSet(new LinkedHashSet<>(b.ancestry));
        this.orderDate = b.orderDate;
    }

    /** @return the patient's gene results as reported; genes not listed are {@link ResultState#NOT_TESTED} */
    public List<GeneInput> results() {
        return results;
    }

    /**
     * @return the drugs being ordered, by English or Norwegian name, ATC or RxNorm code; empty when
     *         {@link #allDrugs()} (or when the caller explicitly gave none); never null
     */
    public List<String> drugs() {
        return drugs;
    }

    /** @return true when every drug of the knowledge base is to be assessed ({@link Builder#allDrugs()}) */
    public boolean allDrugs() {
        return allDrugs;
    }

    /**
     * @return the patient's current medication list (same notation as the drugs); used for phenoconversion and to tell
     *         a new start from a drug the patient already takes; never null
     */
    public List<String> medications() {
        return medications;
    }

    /**
     * @return the population id when known ({@code adults}, {@code pediatrics}, {@code cvi-acs-pci} …, see
     *         {@link Population#known()}), else null: then every applicable population's recommendation is returned,
     *         labelled
     */
    public String population() {
        return population;
    }

    /** @return patient age in whole years when known (selects age-defined populations), else null */
    public Integer ageYears() {
        return ageYears;
    }

    /** @return true to also return findings for normal results and {@link Action#NO_RECOMMENDATION} findings */
    public boolean includeNormal() {
        return includeNormal;
    }

    /** @return recommendation sources to use ({@code CPIC}, {@code DPWG}); empty means the engine's default */
    public Set<String> sources() {
        return sources;
    }

    /**
     * @return what the orders say beyond the drug (indication, route), one per ordered drug that has any; each order's
     *         drug is also in {@link #drugs()}
     */
    public List<DrugOrder> orders() {
        return orders;
    }

    /** @return start dates of current medications (the names are also in {@link #medications()}) */
    public List<MedicationUse> medicationUses() {
        return medicationUses;
    }

    /** @return body weight in kg when known (checks alternatives against weight limits), else null */
    public Double weightKg() {
        return weightKg;
    }

    /**
     * @return the patient's conditions (condition ids or ICD-10/ICPC-2/SNOMED CT codes, see
     *         {@link DrugOrder#indication()}), or null when unknown: then a contraindication by condition cannot be
     *         ruled out and no alternative it concerns is offered as a one-click suggestion
     */
    public List<String> conditions() {
        return conditions;
    }

    /**
     * @return the patient's ancestry groups ({@code han-chinese}, {@code thai} …) when known, else empty; selects test
     *         information meant for a group (HLA-B*15:02 before carbamazepine)
     */
    public Set<String> ancestry() {
        return ancestry;
    }

    /** @return the date of the order (start dates are measured to it), or null for today */
    public LocalDate orderDate() {
        return orderDate;
    }

    /** @return true when the caller gave the patient's conditions (possibly none) */
    public boolean conditionsKnown() {
        return conditions != null;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AssessmentRequest r && allDrugs == r.allDrugs
                && includeNormal == r.includeNormal && results.equals(r.results) && drugs.equals(r.drugs)
                && medications.equals(r.medications) && Objects.equals(population, r.population)
                && Objects.equals(ageYears, r.ageYears) && sources.equals(r.sources) && orders.equals(r.orders)
                && medicationUses.equals(r.medicationUses) && Objects.equals(weightKg, r.weightKg)
                && Objects.equals(conditions, r.conditions) && ancestry.equals(r.ancestry)
                && Objects.equals(orderDate, r.orderDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(results, drugs, allDrugs, medications, population, ageYears, includeNormal, sources,
                orders, medicationUses, weightKg, conditions, ancestry, orderDate);
    }

    /** Names the drugs and counts the rest; no patient data. */
    @Override
    public String toString() {
        return "AssessmentRequest[drugs=" + (allDrugs ? "all" : drugs) + ", results=" + results.size()
                + ", medications=" + medications.size() + "]";
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link AssessmentRequest}; not thread-safe. */
    public static final class Builder {
        private final List<GeneInput> results = new ArrayList<>();
        private List<String> drugs;
        private boolean allDrugs;
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

        /**
         * Adds a gene result. A gene given twice is a {@link Problem} of the assessment (the first result is used).
         *
         * @param result the result as reported; not null
         * @return this builder
         * @throws NullPointerException when {@code result} is null
         */
        public Builder result(GeneInput result) {
            results.add(Objects.requireNonNull(result, "result"));
            return this;
        }

        /**
         * Adds gene results, as {@link #result(GeneInput)} each.
         *
         * @param all the results; not null, no null element
         * @return this builder
         * @throws NullPointerException when {@code all} or an element is null
         */
        public Builder results(List<GeneInput> all) {
            List.copyOf(all).forEach(this::result);  // a null element fails before anything is added
            return this;
        }

        /**
         * Adds an ordered drug (name, Norwegian name, ATC or RxNorm code). Replaces an earlier {@link #allDrugs()}. A
         * drug the catalog does not know is a {@link Problem} of the assessment (field {@code drug}).
         *
         * @param drug the drug as ordered; not null
         * @return this builder
         * @throws NullPointerException when {@code drug} is null
         */
        public Builder drug(String drug) {
            Objects.requireNonNull(drug, "drug");
            if (drugs == null || allDrugs) {
                drugs = new ArrayList<>();
                allDrugs = false;
            }
            drugs.add(drug);
            return this;
        }

        /**
         * Adds ordered drugs; an empty list is a valid request for no drug (it assesses nothing). Replaces an earlier
         * {@link #allDrugs()}.
         *
         * @param all the drugs as ordered, as {@link #drug(String)}; not null
         * @return this builder
         * @throws NullPointerException when {@code all} or an element is null
         */
        public Builder drugs(List<String> all) {
            List<String> checked = List.copyOf(all);  // a null element fails before anything changes
            if (drugs == null || allDrugs) {
                drugs = new ArrayList<>();
                allDrugs = false;
            }
            checked.forEach(this::drug);
            return this;
        }

        /**
         * Assesses every drug of the knowledge base (see {@link PgxEngine#drugs()}) instead of named drugs; replaces
         * drugs added before. Without this or a named drug, {@link #build()} fails.
         *
         * @return this builder
         */
        public Builder allDrugs() {
            drugs = null;
            allDrugs = true;
            return this;
        }

        /**
         * Adds a drug of the patient's current medication list, without a start date. Used for phenoconversion and to
         * tell a new start from a drug the patient already takes.
         *
         * @param medication the drug (name, Norwegian or trade name, ATC or RxNorm code); not null
         * @return this builder
         * @throws NullPointerException when {@code medication} is null
         */
        public Builder medication(String medication) {
            medications.add(Objects.requireNonNull(medication, "medication"));
            return this;
        }

        /**
         * Adds a current medication with the date the patient started it; see {@link MedicationUse} for what the date
         * decides.
         *
         * @param medication the drug, as {@link #medication(String)}; not null
         * @param startDate  the date the patient started it, or null when unknown
         * @return this builder
         * @throws NullPointerException when {@code medication} is null
         */
        public Builder medication(String medication, LocalDate startDate) {
            medications.add(Objects.requireNonNull(medication, "medication"));
            if (startDate != null) {
                medicationUses.add(new MedicationUse(medication, startDate));
            }
            return this;
        }

        /**
         * Adds an ordered drug with its indication and route: the drug as {@link #drug(String)}, and the order to
         * {@link AssessmentRequest#orders()} when it has an indication or a route.
         *
         * @param order the order; not null
         * @return this builder
         * @throws NullPointerException when {@code order} is null
         */
        public Builder order(DrugOrder order) {
            drug(order.drug());
            if (order.indication() != null || order.route() != null) {
                orders.add(order);
            }
            return this;
        }

        /**
         * Sets the body weight. A weight outside 0.3–400 kg (or NaN) is a {@link Problem} of the assessment and is
         * ignored.
         *
         * @param weightKg body weight in kg, or null when unknown
         * @return this builder
         */
        public Builder weightKg(Double weightKg) {
            this.weightKg = weightKg;
            return this;
        }

        /**
         * Adds one of the patient's conditions; the conditions count as known from then on. An unknown condition is a
         * {@link Problem} of the assessment (field {@code conditions}).
         *
         * @param condition a condition id or code, as {@link DrugOrder#indication()}; not null
         * @return this builder
         * @throws NullPointerException when {@code condition} is null
         */
        public Builder condition(String condition) {
            if (conditions == null) {
                conditions = new ArrayList<>();
            }
            conditions.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /**
         * Sets the patient's conditions, replacing those added before.
         *
         * @param all condition ids or codes; an empty list means known to have none of interest; null means unknown
         *            (see {@link AssessmentRequest#conditions()}); no null element
         * @return this builder
         * @throws NullPointerException when an element of {@code all} is null
         */
        public Builder conditions(List<String> all) {
            if (all == null) {
                conditions = null;
                return this;
            }
            conditions = new ArrayList<>(List.copyOf(all));  // a null element fails before anything changes
            return this;
        }

        /**
         * Adds an ancestry group of the patient; selects test information meant for a group (HLA-B*15:02 before
         * carbamazepine for {@code han-chinese}, {@code thai} …).
         *
         * @param group an ancestry group id
         * @return this builder
         * @throws NullPointerException when {@code group} is null
         */
        public Builder ancestry(String group) {
            ancestry.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * Sets the date of the order, to which medication start dates are measured.
         *
         * @param date the order date, or null for today
         * @return this builder
         */
        public Builder orderDate(LocalDate date) {
            this.orderDate = date;
            return this;
        }

        /**
         * Adds drugs of the patient's current medication list, as {@link #medication(String)} each.
         *
         * @param all the drugs; not null, no null element
         * @return this builder
         * @throws NullPointerException when {@code all} or an element is null
         */
        public Builder medications(List<String> all) {
            List.copyOf(all).forEach(this::medication);  // a null element fails before anything is added
            return this;
        }

        /**
         * Sets the population id. An unknown id is a {@link Problem} of the assessment, which then shows every
         * population.
         *
         * @param population a population id ({@code adults}, see {@link Population#known()}; case-insensitive), or
         *                   null (or blank) when unknown
         * @return this builder
         */
        public Builder population(String population) {
            this.population = population;
            return this;
        }

        /**
         * Sets the population.
         *
         * @param population the population, or null when unknown
         * @return this builder
         */
        public Builder population(Population population) {
            this.population = population == null ? null : population.id();
            return this;
        }

        /**
         * Sets the patient's age, which selects age-defined populations. An age below 0 or above 130 is a
         * {@link Problem} of the assessment and is ignored.
         *
         * @param ageYears age in whole years, or null when unknown
         * @return this builder
         */
        public Builder ageYears(Integer ageYears) {
            this.ageYears = ageYears;
            return this;
        }

        /**
         * Sets whether findings for normal results and {@link Action#NO_RECOMMENDATION} findings are returned too
         * (default false).
         *
         * @param includeNormal true to return them
         * @return this builder
         */
        public Builder includeNormal(boolean includeNormal) {
            this.includeNormal = includeNormal;
            return this;
        }

        /**
         * Adds a recommendation source to use. Without any, the engine's default sources apply
         * ({@link PgxEngine.Builder#sources(String...)}). An unknown name is a {@link Problem} of the assessment.
         *
         * @param source {@code CPIC} or {@code DPWG} (case-insensitive)
         * @return this builder
         * @throws NullPointerException when {@code source} is null
         */
        public Builder source(String source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Adds a recommendation source to use, as {@link #source(String)}.
         *
         * @param source {@link GuidelineSource#CPIC} or {@link GuidelineSource#DPWG}; not null
         * @return this builder
         * @throws NullPointerException when {@code source} is null
         */
        public Builder source(GuidelineSource source) {
            sources.add(source.label());
            return this;
        }

        /**
         * @return the request
         * @throws PgxException (field {@code drugs}) when neither a drug ({@link #drug(String)}, {@link #drugs(List)},
         *                      {@link #order(DrugOrder)}) nor {@link #allDrugs()} was given
         */
        public AssessmentRequest build() {
            return new AssessmentRequest(this);
        }
    }
}
