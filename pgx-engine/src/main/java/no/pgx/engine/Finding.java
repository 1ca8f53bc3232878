package no.pgx.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the guidelines say for one drug given the patient's results: one selected recommendation (or a
 * "test before start" finding).
 *
 * <p>Immutable, with value equality. Built by the engine; {@link #builder()} is public for tests and adapters, and
 * new properties will be added to the builder without breaking existing callers.
 */
public final class Finding {
    private final String drug;
    private final GuidelineSource source;
    private final Population population;
    private final Map<String, String> lookupKey;
    private final Map<String, String> phenotypes;
    private final Strength strength;
    private final Action action;
    private final String dosePercent;
    private final List<String> alternatives;
    private final String consequence;
    private final boolean phenoconverted;
    private final List<Phenoconversion> phenoconversions;
    private final LocalizedText summary;
    private final LocalizedText detail;
    private final GuidelineRef guideline;
    private final String recommendationId;

    private Finding(Builder b) {
        this.drug = Objects.requireNonNull(b.drug, "drug");
        this.source = Objects.requireNonNull(b.source, "source");
        this.population = Objects.requireNonNull(b.population, "population");
        this.lookupKey = copy(b.lookupKey);
        this.phenotypes = copy(b.phenotypes);
        this.strength = b.strength == null ? Strength.NONE : b.strength;
        this.action = Objects.requireNonNull(b.action, "action");
        this.dosePercent = b.dosePercent;
        this.alternatives = b.alternatives == null ? List.of() : List.copyOf(b.alternatives);
        this.consequence = b.consequence;
        this.phenoconverted = b.phenoconverted;
        this.phenoconversions = b.phenoconversions == null ? List.of() : List.copyOf(b.phenoconversions);
        this.summary = b.summary;
        this.detail = b.detail;
        this.guideline = b.guideline;
        this.recommendationId = b.recommendationId;
    }

    /** A copy of {@code f} with another detail text; shares f's (unmodifiable) collections. */
    private Finding(Finding f, LocalizedText detail) {
        this.drug = f.drug;
        this.source = f.source;
        this.population = f.population;
        this.lookupKey = f.lookupKey;
        this.phenotypes = f.phenotypes;
        this.strength = f.strength;
        this.action = f.action;
        this.dosePercent = f.dosePercent;
        this.alternatives = f.alternatives;
        this.consequence = f.consequence;
        this.phenoconverted = f.phenoconverted;
        this.phenoconversions = f.phenoconversions;
        this.summary = f.summary;
        this.detail = detail;
        this.guideline = f.guideline;
        this.recommendationId = f.recommendationId;
    }

    /**
     * @param detail the detail text of the copy, or null
     * @return this finding with another detail text (cheaper than {@code toBuilder().detail(detail).build()}, which
     *         copies every collection)
     * @since 2026.12
     */
    public Finding withDetail(LocalizedText detail) {
        return new Finding(this, detail);
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this finding's values, to derive a changed copy */
    public Builder toBuilder() {
        return new Builder().drug(drug).source(source).population(population).lookupKey(lookupKey)
                .phenotypes(phenotypes).strength(strength).action(action).dosePercent(dosePercent)
                .alternatives(alternatives).consequence(consequence).phenoconverted(phenoconverted)
                .phenoconversions(phenoconversions).summary(summary).detail(detail).guideline(guideline)
                .recommendationId(recommendationId);
    }

    /** @return the drug (English INN, lower case); never null */
    public String drug() {
        return drug;
    }

    /** @return the source of the finding ({@link GuidelineSource#CPIC}, {@link GuidelineSource#DPWG}, for a test before start the authority); never null */
    public GuidelineSource source() {
        return source;
    }

    /** @return the population the recommendation applies to ({@code general}, {@code adults}, {@code cvi-acs-pci} …); never null */
    public Population population() {
        return population;
    }

    /** @return the population in words (English and Bokmål): the same as {@code population().label()}; may be null */
    public LocalizedText populationLabel() {
        return population.label();
    }

    /** @return gene → lookup key that selected the recommendation (ordered by gene); never null */
    public Map<String, String> lookupKey() {
        return lookupKey;
    }

    /** @return gene → phenotype used (functional phenotype when phenoconverted); never null */
    public Map<String, String> phenotypes() {
        return phenotypes;
    }

    /** @return how the source grades the recommendation; {@link Strength#NONE} when it does not come from a graded row; never null */
    public Strength strength() {
        return strength;
    }

    /** @return the curated action; never null */
    public Action action() {
        return action;
    }

    /** @return percentage of the standard dose when one is given ({@code 50}, {@code 25-50}), or null */
    public String dosePercent() {
        return dosePercent;
    }

    /** @return drugs the guideline names as alternatives (English INN, lower case); never null */
    public List<String> alternatives() {
        return alternatives;
    }

    /** @return key of the clinical consequence ({@code reduced-active-metabolite} …), or null */
    public String consequence() {
        return consequence;
    }

    /** @return true when co-medication changed a phenotype used by this finding */
    public boolean phenoconverted() {
        return phenoconverted;
    }

    /** @return the phenoconversions behind this finding; empty when genotype-predicted; never null */
    public List<Phenoconversion> phenoconversions() {
        return phenoconversions;
    }

    /** @return one-line summary (at most 140 characters) in Bokmål and English */
    public LocalizedText summary() {
        return summary;
    }

    /** @return longer detail text (Markdown) in Bokmål and English */
    public LocalizedText detail() {
        return detail;
    }

    /** @return the guideline, with version and link, or null (a test before start without a guideline) */
    public GuidelineRef guideline() {
        return guideline;
    }

    /** @return stable id of the recommendation row (PharmGKB id), or a synthetic id for test-required findings */
    public String recommendationId() {
        return recommendationId;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Finding f && phenoconverted == f.phenoconverted && drug.equals(f.drug)
                && source == f.source && population.equals(f.population) && lookupKey.equals(f.lookupKey)
                && phenotypes.equals(f.phenotypes) && strength == f.strength && action == f.action
                && Objects.equals(dosePercent, f.dosePercent) && alternatives.equals(f.alternatives)
                && Objects.equals(consequence, f.consequence) && phenoconversions.equals(f.phenoconversions)
                && Objects.equals(summary, f.summary) && Objects.equals(detail, f.detail)
                && Objects.equals(guideline, f.guideline) && Objects.equals(recommendationId, f.recommendationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(drug, source, population, lookupKey, strength, action, recommendationId, summary);
    }

    @Override
    public String toString() {
        return "Finding[" + drug + " " + source.label() + " " + population.id() + " " + action + " "
                + recommendationId + "]";
    }

    /** Builder for {@link Finding}; not thread-safe. Drug, source, population and action are required. */
    public static final class Builder {
        private String drug;
        private GuidelineSource source;
        private Population population;
        private Map<String, String> lookupKey;
        private Map<String, String> phenotypes;
        private Strength strength;
        private Action action;
        private String dosePercent;
        private List<String> alternatives;
        private String consequence;
        private boolean phenoconverted;
        private List<Phenoconversion> phenoconversions;
        private LocalizedText summary;
        private LocalizedText detail;
        private GuidelineRef guideline;
        private String recommendationId;

        private Builder() {
        }

        /**
         * Sets {@link Finding#drug()}; required.
         *
         * @param drug English INN, lower case; null fails in {@link #build()}
         * @return this builder
         */
        public Builder drug(String drug) {
            this.drug = drug;
            return this;
        }

        /**
         * Sets {@link Finding#source()}; required.
         *
         * @param source the source; null fails in {@link #build()}
         * @return this builder
         */
        public Builder source(GuidelineSource source) {
            this.source = source;
            return this;
        }

        /**
         * Sets {@link Finding#population()}; required.
         *
         * @param population the population; null fails in {@link #build()}
         * @return this builder
         */
        public Builder population(Population population) {
            this.population = population;
            return this;
        }

        /**
         * Sets {@link Finding#lookupKey()}; the map is copied in its iteration order.
         *
         * @param lookupKey gene → lookup key; null means empty
         * @return this builder
         */
        public Builder lookupKey(Map<String, String> lookupKey) {
            this.lookupKey = lookupKey;
            return this;
        }

        /**
         * Sets {@link Finding#phenotypes()}; the map is copied in its iteration order.
         *
         * @param phenotypes gene → phenotype used; null means empty
         * @return this builder
         */
        public Builder phenotypes(Map<String, String> phenotypes) {
            this.phenotypes = phenotypes;
            return this;
        }

        /**
         * Sets {@link Finding#strength()}.
         *
         * @param strength the grade; null means {@link Strength#NONE}
         * @return this builder
         */
        public Builder strength(Strength strength) {
            this.strength = strength;
            return this;
        }

        /**
         * Sets {@link Finding#action()}; required.
         *
         * @param action the curated action; null fails in {@link #build()}
         * @return this builder
         */
        public Builder action(Action action) {
            this.action = action;
            return this;
        }

        /**
         * Sets {@link Finding#dosePercent()}.
         *
         * @param dosePercent percentage of the standard dose ({@code 50}, {@code 25-50}), or null
         * @return this builder
         */
        public Builder dosePercent(String dosePercent) {
            this.dosePercent = dosePercent;
            return this;
        }

        /**
         * Sets {@link Finding#alternatives()}; the list is copied.
         *
         * @param alternatives alternative drugs (English INN, lower case); null means none; no null element
         * @return this builder
         */
        public Builder alternatives(List<String> alternatives) {
            this.alternatives = alternatives;
            return this;
        }

        /**
         * Sets {@link Finding#consequence()}.
         *
         * @param consequence key of the clinical consequence, or null
         * @return this builder
         */
        public Builder consequence(String consequence) {
            this.consequence = consequence;
            return this;
        }

        /**
         * Sets {@link Finding#phenoconverted()} (default false).
         *
         * @param phenoconverted true when co-medication changed a phenotype the finding uses
         * @return this builder
         */
        public Builder phenoconverted(boolean phenoconverted) {
            this.phenoconverted = phenoconverted;
            return this;
        }

        /**
         * Sets {@link Finding#phenoconversions()}; the list is copied.
         *
         * @param phenoconversions the phenoconversions behind the finding; null means none; no null element
         * @return this builder
         */
        public Builder phenoconversions(List<Phenoconversion> phenoconversions) {
            this.phenoconversions = phenoconversions;
            return this;
        }

        /**
         * Sets {@link Finding#summary()}.
         *
         * @param summary one-line summary, or null
         * @return this builder
         */
        public Builder summary(LocalizedText summary) {
            this.summary = summary;
            return this;
        }

        /**
         * Sets {@link Finding#detail()}.
         *
         * @param detail longer Markdown text, or null
         * @return this builder
         */
        public Builder detail(LocalizedText detail) {
            this.detail = detail;
            return this;
        }

        /**
         * Sets {@link Finding#guideline()}.
         *
         * @param guideline the guideline, or null
         * @return this builder
         */
        public Builder guideline(GuidelineRef guideline) {
            this.guideline = guideline;
            return this;
        }

        /**
         * Sets {@link Finding#recommendationId()}.
         *
         * @param recommendationId the recommendation row id, or null
         * @return this builder
         */
        public Builder recommendationId(String recommendationId) {
            this.recommendationId = recommendationId;
            return this;
        }

        /**
         * @return the finding
         * @throws NullPointerException when drug, source, population or action is missing, or a list holds null
         */
        public Finding build() {
            return new Finding(this);
        }
    }
}
