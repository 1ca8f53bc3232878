package no.pgx.engine;

import java.util.List;
import java.util.Objects;

/**
 * An interpreted gene result: the genotype-predicted phenotype and the key that selects recommendations.
 *
 * <p>Immutable, with value equality. Returned by {@link PgxEngine#call(GeneInput)}; {@link #builder()} is public for
 * tests and adapters, and new properties will be added to the builder without breaking existing callers.
 */
public final class GeneResult {
    /** The lookup key and phenotype used when a gene has no result on file. */
    public static final String NO_RESULT = "No Result";

    private final String gene;
    private final String diplotypeAsWritten;
    private final String diplotype;
    private final String phenotype;
    private final String activityScore;
    private final String lookupKey;
    private final ResultState state;
    private final List<String> warnings;
    private final Provenance provenance;

    private GeneResult(Builder b) {
        this.gene = Objects.requireNonNull(b.gene, "gene");
        this.diplotypeAsWritten = b.diplotypeAsWritten;
        this.diplotype = b.diplotype;
        this.phenotype = b.phenotype;
        this.activityScore = b.activityScore;
        this.lookupKey = b.lookupKey;
        this.state = Objects.requireNonNull(b.state, "state");
        this.warnings = b.warnings == null ? List.of() : List.copyOf(b.warnings);
        this.provenance = b.provenance == null ? Provenance.UNKNOWN : b.provenance;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this result's values, to derive a changed copy */
    public Builder toBuilder() {
        return new Builder().gene(gene).diplotypeAsWritten(diplotypeAsWritten).diplotype(diplotype)
                .phenotype(phenotype).activityScore(activityScore).lookupKey(lookupKey).state(state)
                .warnings(warnings).provenance(provenance);
    }

    /**
     * A gene with no result on file: phenotype and lookup key {@value #NO_RESULT}, state
     * {@link ResultState#NOT_TESTED}.
     *
     * @param gene normalised gene symbol; not null
     * @return the result
     * @throws NullPointerException when {@code gene} is null
     */
    public static GeneResult notTested(String gene) {
        return builder().gene(gene).phenotype(NO_RESULT).lookupKey(NO_RESULT).state(ResultState.NOT_TESTED).build();
    }

    /** @return normalised gene symbol ({@code CYP2D6}); never null */
    public String gene() {
        return gene;
    }

    /** @return the diplotype as the lab wrote it, or null when none was given */
    public String diplotypeAsWritten() {
        return diplotypeAsWritten;
    }

    /** @return the normalised diplotype used for lookup (CPIC spelling, alleles in canonical order), or null */
    public String diplotype() {
        return diplotype;
    }

    /**
     * @return CPIC phenotype term ({@code Poor Metabolizer}, {@code Indeterminate}, {@code *57:01 positive} …);
     *         {@code No Result} when not tested
     */
    public String phenotype() {
        return phenotype;
    }

    /** @return activity score ({@code 1.25}, {@code ≥3.0}, {@code n/a}) for activity-score genes, else null */
    public String activityScore() {
        return activityScore;
    }

    /**
     * @return the value that selects recommendations for this gene (activity score for CYP2D6/CYP2C9/DPYD, allele
     *         status for HLA, phenotype otherwise)
     */
    public String lookupKey() {
        return lookupKey;
    }

    /** @return one of the four result states; never null */
    public ResultState state() {
        return state;
    }

    /** @return human-readable warnings (e.g. a given phenotype contradicts the diplotype); never null */
    public List<String> warnings() {
        return warnings;
    }

    /** @return where the result comes from; never null */
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof GeneResult r && gene.equals(r.gene)
                && Objects.equals(diplotypeAsWritten, r.diplotypeAsWritten) && Objects.equals(diplotype, r.diplotype)
                && Objects.equals(phenotype, r.phenotype) && Objects.equals(activityScore, r.activityScore)
                && Objects.equals(lookupKey, r.lookupKey) && state == r.state && warnings.equals(r.warnings)
                && provenance.equals(r.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gene, diplotypeAsWritten, diplotype, phenotype, activityScore, lookupKey, state, warnings,
                provenance);
    }

    @Override
    public String toString() {
        return "GeneResult[" + gene + " " + state + "]";
    }

    /** Builder for {@link GeneResult}; not thread-safe. Gene and state are required. */
    public static final class Builder {
        private String gene;
        private String diplotypeAsWritten;
        private String diplotype;
        private String phenotype;
        private String activityScore;
        private String lookupKey;
        private ResultState state;
        private List<String> warnings;
        private Provenance provenance;

        private Builder() {
        }

        /**
         * Sets {@link GeneResult#gene()}; required.
         *
         * @param gene normalised gene symbol; null fails in {@link #build()}
         * @return this builder
         */
        public Builder gene(String gene) {
            this.gene = gene;
            return this;
        }

        /**
         * Sets {@link GeneResult#diplotypeAsWritten()}.
         *
         * @param diplotypeAsWritten the diplotype as the lab wrote it, or null
         * @return this builder
         */
        public Builder diplotypeAsWritten(String diplotypeAsWritten) {
            this.diplotypeAsWritten = diplotypeAsWritten;
            return this;
        }

        /**
         * Sets {@link GeneResult#diplotype()}.
         *
         * @param diplotype the normalised diplotype, or null
         * @return this builder
         */
        public Builder diplotype(String diplotype) {
            this.diplotype = diplotype;
            return this;
        }

        /**
         * Sets {@link GeneResult#phenotype()}.
         *
         * @param phenotype CPIC phenotype term, or null
         * @return this builder
         */
        public Builder phenotype(String phenotype) {
            this.phenotype = phenotype;
            return this;
        }

        /**
         * Sets {@link GeneResult#activityScore()}.
         *
         * @param activityScore activity score as text ({@code 1.25}, {@code ≥3.0}, {@code n/a}), or null
         * @return this builder
         */
        public Builder activityScore(String activityScore) {
            this.activityScore = activityScore;
            return this;
        }

        /**
         * Sets {@link GeneResult#lookupKey()}.
         *
         * @param lookupKey the value that selects recommendations, or null
         * @return this builder
         */
        public Builder lookupKey(String lookupKey) {
            this.lookupKey = lookupKey;
            return this;
        }

        /**
         * Sets {@link GeneResult#state()}; required.
         *
         * @param state the result state; null fails in {@link #build()}
         * @return this builder
         */
        public Builder state(ResultState state) {
            this.state = state;
            return this;
        }

        /**
         * Sets {@link GeneResult#warnings()}; the list is copied.
         *
         * @param warnings human-readable warnings; null means none; no null element ({@link #build()} fails)
         * @return this builder
         */
        public Builder warnings(List<String> warnings) {
            this.warnings = warnings;
            return this;
        }

        /**
         * Sets {@link GeneResult#provenance()}.
         *
         * @param provenance where the result comes from; null means {@link Provenance#UNKNOWN}
         * @return this builder
         */
        public Builder provenance(Provenance provenance) {
            this.provenance = provenance;
            return this;
        }

        /**
         * @return the result
         * @throws NullPointerException when gene or state is missing, or a warning is null
         */
        public GeneResult build() {
            return new GeneResult(this);
        }
    }
}
