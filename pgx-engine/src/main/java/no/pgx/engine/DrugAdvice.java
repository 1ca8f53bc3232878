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

        public Builder drug(String drug, LocalizedText name) {
            this.drug = drug;
            this.name = name;
            return this;
        }

        public Builder action(Action action, Indicator indicator) {
            this.action = action;
            this.indicator = indicator;
            return this;
        }

        public Builder basis(AdviceBasis basis, LocalizedText label) {
            this.basis = basis;
            this.basisLabel = label;
            return this;
        }

        public Builder text(LocalizedText headline, LocalizedText detail) {
            this.headline = headline;
            this.detail = detail;
            return this;
        }

        public Builder findings(List<Finding> all) {
            findings.addAll(all);
            return this;
        }

        public Builder alternative(CheckedAlternative alternative) {
            if (alternative.status() == AlternativeStatus.NOT_SUITABLE) {
                rejectedAlternatives.add(alternative);
            } else {
                alternatives.add(alternative);
            }
            return this;
        }

        public Builder doseFacts(List<DoseFact> all) {
            doseFacts.addAll(all);
            return this;
        }

        public Builder conditional(boolean conditional, boolean oneClickDose) {
            this.conditional = conditional;
            this.oneClickDose = oneClickDose;
            return this;
        }

        public Builder interaction(String perpetrator) {
            this.perpetrator = perpetrator;
            return this;
        }

        public Builder causedBy(String orderedDrug) {
            this.causedBy = orderedDrug;
            return this;
        }

        public Builder genes(List<String> all) {
            all.forEach(g -> {
                if (!genes.contains(g)) {
                    genes.add(g);
                }
            });
            return this;
        }

        public Builder sources(List<String> all) {
            all.forEach(s -> {
                if (!sources.contains(s)) {
                    sources.add(s);
                }
            });
            return this;
        }

        /** @throws NullPointerException when drug, name, action, indicator, headline or detail is missing */
        public DrugAdvice build() {
            return new DrugAdvice(this);
        }
    }
}
