package no.pgx.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One clear piece of advice for one drug: what a prescriber should do, in one headline, with the detail behind it.
 * There is at most one per assessed drug, and none when nothing matters (a normal result, unless
 * {@link AssessmentRequest#includeNormal()}).
 *
 * <p>A CDS Hooks card is a thin mapping of it: {@link #headline()} → {@code summary}, {@link #indicator()} →
 * {@code indicator}, {@link #detail()} → {@code detail} (Markdown), {@link #alternatives()} with
 * {@link CheckedAlternative#oneClick()} → suggestions, {@link #findings()} → {@code source} and links.
 *
 * <p>Immutable; built by the engine ({@link #builder()} is public for tests and adapters).
 */
public final class DrugAdvice {
    private final String drug;
    private final LocalizedText name;
    private final Action action;
    private final Indicator indicator;
    private final AdviceBasis basis;
    private final LocalizedText basisLabel;
    private final LocalizedText headline;
    private final LocalizedText detail;
    private final List<Finding> findings;
    private final List<CheckedAlternative> alternatives;
    private final List<CheckedAlternative> rejectedAlternatives;
    private final List<DoseFact> doseFacts;
    private final boolean conditional;
    private final boolean oneClickDose;
    private final String perpetrator;
    private final String causedBy;
    private final List<String> genes;
    private final List<String> sources;

    private DrugAdvice(Builder b) {
        this.drug = Objects.requireNonNull(b.drug, "drug");
        this.name = Objects.requireNonNull(b.name, "name");
        this.action = Objects.requireNonNull(b.action, "action");
        this.indicator = Objects.requireNonNull(b.indicator, "indicator");
        this.basis = Objects.requireNonNull(b.basis, "basis");
        this.basisLabel = b.basisLabel;
        this.headline = Objects.requireNonNull(b.headline, "headline");
        this.detail = Objects.requireNonNull(b.detail, "detail");
        this.findings = List.copyOf(b.findings);
        this.alternatives = List.copyOf(b.alternatives);
        this.rejectedAlternatives = List.copyOf(b.rejectedAlternatives);
        this.doseFacts = List.copyOf(b.doseFacts);
        this.conditional = b.conditional;
        this.oneClickDose = b.oneClickDose;
        this.perpetrator = b.perpetrator;
        this.causedBy = b.causedBy;
        this.genes = List.copyOf(b.genes);
        this.sources = List.copyOf(b.sources);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the drug (English INN, lower case) */
    public String drug() {
        return drug;
    }

    /** @return the drug's name in Bokmål and English ("klopidogrel", "clopidogrel") */
    public LocalizedText name() {
        return name;
    }

    /** @return the action of the headline: the most severe applicable advice */
    public Action action() {
        return action;
    }

    /** @return how urgent the advice is (card indicator) */
    public Indicator indicator() {
        return indicator;
    }

    /** @return what the advice rests on */
    public AdviceBasis basis() {
        return basis;
    }

    /**
     * @return for {@link AdviceBasis#INTERACTION}, the basis of the interaction advice in words ("CPIC-retningslinjens
     *         tekst om CYP2D6-hemmere", "preparatomtalen"); for a test before start, the authority; else null
     */
    public LocalizedText basisLabel() {
        return basisLabel;
    }

    /** @return the headline (at most 140 characters), with the number or the alternative in it */
    public LocalizedText headline() {
        return headline;
    }

    /**
     * @return the detail (Markdown): the patient's result once, then one short block per source (population, strength
     *         and what it says), the checked alternatives and the links; no sentence repeated
     */
    public LocalizedText detail() {
        return detail;
    }

    /** @return the per-source findings behind the advice (CPIC, DPWG, test before start); never null */
    public List<Finding> findings() {
        return findings;
    }

    /** @return the alternatives that may be offered ({@link AlternativeStatus#SUITABLE} or {@code CAUTION}) */
    public List<CheckedAlternative> alternatives() {
        return alternatives;
    }

    /** @return alternatives the sources name that must not be offered to this patient, with the reasons */
    public List<CheckedAlternative> rejectedAlternatives() {
        return rejectedAlternatives;
    }

    /** @return the structured dose statements of the advice for this patient (age bands applied) */
    public List<DoseFact> doseFacts() {
        return doseFacts;
    }

    /**
     * @return true when the headline advice depends on a condition the data cannot show (only if no alternative can be
     *         used, only for some indications, only if bradycardia occurs …); then no one-click change is offered
     */
    public boolean conditional() {
        return conditional;
    }

    /** @return true when the advice is a dose change that may be offered as a one-click change (not conditional) */
    public boolean oneClickDose() {
        return oneClickDose;
    }

    /** @return for {@link AdviceBasis#INTERACTION}, the co-medication causing it (English INN), else null */
    public String perpetrator() {
        return perpetrator;
    }

    /**
     * @return when the drug is already taken and the advice exists because another drug is being ordered (ordering
     *         paroxetine for a patient on tamoxifen), that ordered drug; else null
     */
    public String causedBy() {
        return causedBy;
    }

    /** @return the genes the advice concerns */
    public List<String> genes() {
        return genes;
    }

    /** @return the sources behind the advice ({@code CPIC}, {@code DPWG}, {@code EMA} …), in order of weight */
    public List<String> sources() {
        return sources;
    }

    /** @return the alternatives that may be offered as one-click suggestions */
    public List<CheckedAlternative> oneClickAlternatives() {
        return alternatives.stream().filter(CheckedAlternative::oneClick).toList();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DrugAdvice a && conditional == a.conditional && oneClickDose == a.oneClickDose
                && drug.equals(a.drug) && action == a.action && indicator == a.indicator && basis == a.basis
                && Objects.equals(basisLabel, a.basisLabel) && headline.equals(a.headline) && detail.equals(a.detail)
                && findings.equals(a.findings) && alternatives.equals(a.alternatives)
                && rejectedAlternatives.equals(a.rejectedAlternatives) && doseFacts.equals(a.doseFacts)
                && Objects.equals(perpetrator, a.perpetrator) && Objects.equals(causedBy, a.causedBy)
                && genes.equals(a.genes) && sources.equals(a.sources) && name.equals(a.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(drug, action, indicator, basis, headline, detail.hashCode());
    }

    @Override
    public String toString() {
        return "DrugAdvice[" + drug + " " + action + " " + indicator + " " + basis + ": " + headline.en() + "]";
    }

    /** Builder for {@link DrugAdvice}; not thread-safe. */
    public static final class Builder {
        private String drug;
        private LocalizedText name;
        private Action action;
        private Indicator indicator;
        private AdviceBasis basis = AdviceBasis.GENOTYPE;
        private LocalizedText basisLabel;
        private LocalizedText headline;
        private LocalizedText detail;
        private final List<Finding> findings = new ArrayList<>();
        private final List<CheckedAlternative> alternatives = new ArrayList<>();
        private final List<CheckedAlternative> rejectedAlternatives = new ArrayList<>();
        private final List<DoseFact> doseFacts = new ArrayList<>();
        private boolean conditional;
        private boolean oneClickDose;
        private String perpetrator;
        private String causedBy;
        private final List<String> genes = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets {@link DrugAdvice#drug()} and {@link DrugAdvice#name()}; required.
         *
         * @param drug English INN, lower case; null fails in {@link #build()}
         * @param name the drug's name in Bokmål and English; null fails in {@link #build()}
         * @return this builder
         */
        public Builder drug(String drug, LocalizedText name) {
            this.drug = drug;
            this.name = name;
            return this;
        }

        /**
         * Sets {@link DrugAdvice#action()} and {@link DrugAdvice#indicator()}; required.
         *
         * @param action    the action of the headline; null fails in {@link #build()}
         * @param indicator how urgent the advice is; null fails in {@link #build()}
         * @return this builder
         */
        public Builder action(Action action, Indicator indicator) {
            this.action = action;
            this.indicator = indicator;
            return this;
        }

        /**
         * Sets {@link DrugAdvice#basis()} (default {@link AdviceBasis#GENOTYPE}) and {@link DrugAdvice#basisLabel()}.
         *
         * @param basis what the advice rests on; null fails in {@link #build()}
         * @param label the basis in words, or null
         * @return this builder
         */
        public Builder basis(AdviceBasis basis, LocalizedText label) {
            this.basis = basis;
            this.basisLabel = label;
            return this;
        }

        /**
         * Sets {@link DrugAdvice#headline()} and {@link DrugAdvice#detail()}; required.
         *
         * @param headline the headline (at most 140 characters); null fails in {@link #build()}
         * @param detail   the detail (Markdown); null fails in {@link #build()}
         * @return this builder
         */
        public Builder text(LocalizedText headline, LocalizedText detail) {
            this.headline = headline;
            this.detail = detail;
            return this;
        }

        /**
         * Adds findings to {@link DrugAdvice#findings()}.
         *
         * @param all the findings, in order; not null; no null element ({@link #build()} fails)
         * @return this builder
         * @throws NullPointerException when {@code all} is null
         */
        public Builder findings(List<Finding> all) {
            findings.addAll(all);
            return this;
        }

        /**
         * Adds a checked alternative: to {@link DrugAdvice#rejectedAlternatives()} when it is
         * {@link AlternativeStatus#NOT_SUITABLE}, else to {@link DrugAdvice#alternatives()}.
         *
         * @param alternative the checked alternative; not null
         * @return this builder
         * @throws NullPointerException when {@code alternative} is null
         */
        public Builder alternative(CheckedAlternative alternative) {
            if (alternative.status() == AlternativeStatus.NOT_SUITABLE) {
                rejectedAlternatives.add(alternative);
            } else {
                alternatives.add(alternative);
            }
            return this;
        }

        /**
         * Adds dose statements to {@link DrugAdvice#doseFacts()}.
         *
         * @param all the dose facts; not null; no null element ({@link #build()} fails)
         * @return this builder
         * @throws NullPointerException when {@code all} is null
         */
        public Builder doseFacts(List<DoseFact> all) {
            doseFacts.addAll(all);
            return this;
        }

        /**
         * Sets {@link DrugAdvice#conditional()} and {@link DrugAdvice#oneClickDose()} (both default false).
         *
         * @param conditional  true when the headline advice depends on a condition the data cannot show
         * @param oneClickDose true when the dose change may be offered as a one-click change
         * @return this builder
         */
        public Builder conditional(boolean conditional, boolean oneClickDose) {
            this.conditional = conditional;
            this.oneClickDose = oneClickDose;
            return this;
        }

        /**
         * Sets {@link DrugAdvice#perpetrator()}.
         *
         * @param perpetrator the co-medication causing the interaction (English INN), or null
         * @return this builder
         */
        public Builder interaction(String perpetrator) {
            this.perpetrator = perpetrator;
            return this;
        }

        /**
         * Sets {@link DrugAdvice#causedBy()}.
         *
         * @param orderedDrug the ordered drug that makes advice on this (already taken) drug necessary, or null
         * @return this builder
         */
        public Builder causedBy(String orderedDrug) {
            this.causedBy = orderedDrug;
            return this;
        }

        /**
         * Adds genes to {@link DrugAdvice#genes()}, skipping those already added.
         *
         * @param all gene symbols; not null; no null element ({@link #build()} fails)
         * @return this builder
         * @throws NullPointerException when {@code all} is null
         */
        public Builder genes(List<String> all) {
            all.forEach(g -> {
                if (!genes.contains(g)) {
                    genes.add(g);
                }
            });
            return this;
        }

        /**
         * Adds sources to {@link DrugAdvice#sources()}, skipping those already added.
         *
         * @param all source labels ({@code CPIC}, {@code EMA} …), in order of weight; not null; no null element
         * @return this builder
         * @throws NullPointerException when {@code all} is null
         */
        public Builder sources(List<String> all) {
            all.forEach(s -> {
                if (!sources.contains(s)) {
                    sources.add(s);
                }
            });
            return this;
        }

        /**
         * @return the advice
         * @throws NullPointerException when drug, name, action, indicator, basis, headline or detail is missing, or a
         *                              list holds null
         */
        public DrugAdvice build() {
            return new DrugAdvice(this);
        }
    }
}
