package no.pgx.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An alternative that advice names, after the checks: against the patient's own results (an alternative the genotype
 * makes risky is flagged, one a guideline says to avoid is not suitable), the product information (contraindications
 * and cautions by condition, indication, age, weight and co-medication) and the population and indication of the
 * order. Immutable; build with {@link #builder()}.
 */
public final class CheckedAlternative {
    private final String drug;
    private final LocalizedText name;
    private final String replaces;
    private final AlternativeStatus status;
    private final List<LocalizedText> reasons;
    private final LocalizedText scope;
    private final boolean oneClick;
    private final List<String> namedBy;

    private CheckedAlternative(Builder b) {
        this.drug = Objects.requireNonNull(b.drug, "drug");
        this.name = Objects.requireNonNull(b.name, "name");
        this.replaces = Objects.requireNonNull(b.replaces, "replaces");
        this.status = Objects.requireNonNull(b.status, "status");
        this.reasons = List.copyOf(b.reasons);
        this.scope = b.scope;
        this.oneClick = b.oneClick;
        this.namedBy = List.copyOf(b.namedBy);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the alternative (English INN, lower case; a fixed combination as {@code a+b}) */
    public String drug() {
        return drug;
    }

    /** @return its name in Bokmål and English ("acetylsalisylsyre + dipyridamol") */
    public LocalizedText name() {
        return name;
    }

    /**
     * @return the drug it would replace: the ordered drug, or for interaction advice the interacting co-medication
     *         (pantoprazole replaces omeprazole, not clopidogrel)
     */
    public String replaces() {
        return replaces;
    }

    /** @return the outcome of the checks */
    public AlternativeStatus status() {
        return status;
    }

    /** @return why it is not suitable or needs care, one text per finding of the checks; empty when suitable */
    public List<LocalizedText> reasons() {
        return reasons;
    }

    /** @return where it fits when that is restricted and the order does not say ("ved ACS/PCI"), else null */
    public LocalizedText scope() {
        return scope;
    }

    /**
     * @return true when it passed every check and the advice naming it is not conditional: it may be offered as a
     *         one-click suggestion (CDS Hooks suggestion replacing the order)
     */
    public boolean oneClick() {
        return oneClick;
    }

    /** @return the sources that name it ({@code CPIC}, {@code DPWG}, or the basis of interaction advice) */
    public List<String> namedBy() {
        return namedBy;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CheckedAlternative c && oneClick == c.oneClick && drug.equals(c.drug)
                && name.equals(c.name) && replaces.equals(c.replaces) && status == c.status
                && reasons.equals(c.reasons) && Objects.equals(scope, c.scope) && namedBy.equals(c.namedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(drug, replaces, status, reasons, oneClick);
    }

    @Override
    public String toString() {
        return "CheckedAlternative[" + drug + " " + status + (oneClick ? " one-click" : "") + " " + reasons + "]";
    }

    /** Builder for {@link CheckedAlternative}; not thread-safe. */
    public static final class Builder {
        private String drug;
        private LocalizedText name;
        private String replaces;
        private AlternativeStatus status = AlternativeStatus.SUITABLE;
        private final List<LocalizedText> reasons = new ArrayList<>();
        private LocalizedText scope;
        private boolean oneClick;
        private final List<String> namedBy = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets {@link CheckedAlternative#drug()} and {@link CheckedAlternative#name()}; required.
         *
         * @param drug English INN, lower case ({@code a+b} for a fixed combination); null fails in {@link #build()}
         * @param name its name in Bokmål and English; null fails in {@link #build()}
         * @return this builder
         */
        public Builder drug(String drug, LocalizedText name) {
            this.drug = drug;
            this.name = name;
            return this;
        }

        /**
         * Sets {@link CheckedAlternative#replaces()}; required.
         *
         * @param replaces the drug it would replace; null fails in {@link #build()}
         * @return this builder
         */
        public Builder replaces(String replaces) {
            this.replaces = replaces;
            return this;
        }

        /**
         * Sets {@link CheckedAlternative#status()} (default {@link AlternativeStatus#SUITABLE}).
         *
         * @param status the outcome of the checks; null fails in {@link #build()}
         * @return this builder
         */
        public Builder status(AlternativeStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Adds a reason to {@link CheckedAlternative#reasons()}, unless an equal one was added before.
         *
         * @param reason why it is not suitable or needs care; null fails in {@link #build()}
         * @return this builder
         */
        public Builder reason(LocalizedText reason) {
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
            return this;
        }

        /**
         * Sets {@link CheckedAlternative#scope()}.
         *
         * @param scope where it fits, or null
         * @return this builder
         */
        public Builder scope(LocalizedText scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Sets {@link CheckedAlternative#oneClick()} (default false).
         *
         * @param oneClick true when it may be offered as a one-click suggestion
         * @return this builder
         */
        public Builder oneClick(boolean oneClick) {
            this.oneClick = oneClick;
            return this;
        }

        /**
         * Adds a source to {@link CheckedAlternative#namedBy()}, unless it was added before.
         *
         * @param source {@code CPIC}, {@code DPWG} or the basis of interaction advice; null fails in {@link #build()}
         * @return this builder
         */
        public Builder namedBy(String source) {
            if (!namedBy.contains(source)) {
                namedBy.add(source);
            }
            return this;
        }

        /**
         * @return the checked alternative
         * @throws NullPointerException when drug, name, replaces or status is missing, or a null reason or source was
         *                              added
         */
        public CheckedAlternative build() {
            return new CheckedAlternative(this);
        }
    }
}
