package no.pgx.engine;

import java.util.Objects;

/**
 * One structured dose statement of a recommendation, curated from the guideline: which dose, by how much, under which
 * condition. Several may belong to one recommendation (phenytoin: loading dose unchanged, maintenance dose reduced).
 * Immutable; build with {@link #builder()}.
 */
public final class DoseFact {
    private final String kind;
    private final String change;
    private final String percent;
    private final String amount;
    private final String unit;
    private final Integer ageMinYears;
    private final Integer ageMaxYears;
    private final boolean conditional;
    private final LocalizedText condition;
    private final LocalizedText text;
    private final String recommendationId;
    private final String source;

    private DoseFact(Builder b) {
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.change = Objects.requireNonNull(b.change, "change");
        this.percent = b.percent;
        this.amount = b.amount;
        this.unit = b.unit;
        this.ageMinYears = b.ageMinYears;
        this.ageMaxYears = b.ageMaxYears;
        this.conditional = b.conditional;
        this.condition = b.condition;
        this.text = Objects.requireNonNull(b.text, "text");
        this.recommendationId = b.recommendationId;
        this.source = b.source;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return which dose: {@code starting}, {@code maintenance}, {@code loading}, {@code maximum} or {@code daily} */
    public String kind() {
        return kind;
    }

    /**
     * @return how it changes: {@code unchanged}, {@code percent} (of the standard dose, see {@link #percent()}),
     *         {@code absolute} (an amount, see {@link #amount()} and {@link #unit()}) or {@code cap} (at most the amount)
     */
    public String change() {
        return change;
    }

    /** @return percentage of the standard dose ({@code 50}, a range {@code 20-50}), or null */
    public String percent() {
        return percent;
    }

    /** @return the absolute amount ({@code 400}, {@code 10}, a range {@code 200-400}), or null */
    public String amount() {
        return amount;
    }

    /** @return the unit of the amount ({@code mg/day}, {@code mg/m²/day}), or null */
    public String unit() {
        return unit;
    }

    /** @return the lowest age in years the statement applies to (inclusive), or null */
    public Integer ageMinYears() {
        return ageMinYears;
    }

    /** @return the age in years from which it no longer applies (exclusive), or null */
    public Integer ageMaxYears() {
        return ageMaxYears;
    }

    /**
     * @return true when the change applies only under a condition the patient's data cannot show; such a change is
     *         never offered as a one-click dose change
     */
    public boolean conditional() {
        return conditional;
    }

    /** @return the condition in words, or null */
    public LocalizedText condition() {
        return condition;
    }

    /** @return the statement in words ("vedlikeholdsdose: 75 % av vanlig dose") */
    public LocalizedText text() {
        return text;
    }

    /** @return the recommendation row the statement belongs to, or null */
    public String recommendationId() {
        return recommendationId;
    }

    /** @return {@code CPIC} or {@code DPWG}, or null */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DoseFact d && conditional == d.conditional && kind.equals(d.kind)
                && change.equals(d.change) && Objects.equals(percent, d.percent) && Objects.equals(amount, d.amount)
                && Objects.equals(unit, d.unit) && Objects.equals(ageMinYears, d.ageMinYears)
                && Objects.equals(ageMaxYears, d.ageMaxYears) && Objects.equals(condition, d.condition)
                && text.equals(d.text) && Objects.equals(recommendationId, d.recommendationId)
                && Objects.equals(source, d.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, change, percent, amount, unit, ageMinYears, ageMaxYears, conditional,
                recommendationId, source);
    }

    @Override
    public String toString() {
        return "DoseFact[" + kind + " " + change + (percent == null ? "" : " " + percent + "%")
                + (amount == null ? "" : " " + amount + " " + unit) + (conditional ? " conditional" : "") + "]";
    }

    /** Builder for {@link DoseFact}; not thread-safe. */
    public static final class Builder {
        private String kind;
        private String change;
        private String percent;
        private String amount;
        private String unit;
        private Integer ageMinYears;
        private Integer ageMaxYears;
        private boolean conditional;
        private LocalizedText condition;
        private LocalizedText text;
        private String recommendationId;
        private String source;

        private Builder() {
        }

        /**
         * Sets {@link DoseFact#kind()}; required. The value is not checked.
         *
         * @param kind {@code starting}, {@code maintenance}, {@code loading}, {@code maximum} or {@code daily}; null fails in
         *             {@link #build()}
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@link DoseFact#change()}; required. The value is not checked.
         *
         * @param change {@code unchanged}, {@code percent}, {@code absolute} or {@code cap}; null fails in {@link #build()}
         * @return this builder
         */
        public Builder change(String change) {
            this.change = change;
            return this;
        }

        /**
         * Sets {@link DoseFact#percent()}.
         *
         * @param percent percentage of the standard dose ({@code 50}, {@code 20-50}), or null
         * @return this builder
         */
        public Builder percent(String percent) {
            this.percent = percent;
            return this;
        }

        /**
         * Sets {@link DoseFact#amount()} and {@link DoseFact#unit()}.
         *
         * @param amount the absolute amount ({@code 400}, {@code 200-400}), or null
         * @param unit   its unit ({@code mg/day}), or null
         * @return this builder
         */
        public Builder amount(String amount, String unit) {
            this.amount = amount;
            this.unit = unit;
            return this;
        }

        /**
         * Sets the age band, {@link DoseFact#ageMinYears()} and {@link DoseFact#ageMaxYears()}.
         *
         * @param minYears lowest age in years (inclusive), or null
         * @param maxYears age in years from which it no longer applies (exclusive), or null
         * @return this builder
         */
        public Builder ages(Integer minYears, Integer maxYears) {
            this.ageMinYears = minYears;
            this.ageMaxYears = maxYears;
            return this;
        }

        /**
         * Sets {@link DoseFact#conditional()} (default false) and {@link DoseFact#condition()}.
         *
         * @param conditional true when the change applies only under a condition the patient's data cannot show
         * @param condition   the condition in words, or null
         * @return this builder
         */
        public Builder conditional(boolean conditional, LocalizedText condition) {
            this.conditional = conditional;
            this.condition = condition;
            return this;
        }

        /**
         * Sets {@link DoseFact#text()}; required.
         *
         * @param text the statement in words; null fails in {@link #build()}
         * @return this builder
         */
        public Builder text(LocalizedText text) {
            this.text = text;
            return this;
        }

        /**
         * Sets {@link DoseFact#source()} and {@link DoseFact#recommendationId()}.
         *
         * @param source           {@code CPIC} or {@code DPWG}, or null
         * @param recommendationId the recommendation row, or null
         * @return this builder
         */
        public Builder recommendation(String source, String recommendationId) {
            this.source = source;
            this.recommendationId = recommendationId;
            return this;
        }

        /**
         * @return the dose fact
         * @throws NullPointerException when kind, change or text is missing
         */
        public DoseFact build() {
            return new DoseFact(this);
        }
    }
}
