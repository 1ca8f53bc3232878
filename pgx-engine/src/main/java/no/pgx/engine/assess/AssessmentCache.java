package no.pgx.engine.assess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.Phenoconversion;
import no.pgx.rules.model.GeneFact;
import no.pgx.engine.assess.text.AdviceWriter;
import no.pgx.engine.assess.text.ProvenanceMask;

/**
 * The caching layer of an assessment, and its keys. Rule outcomes are cached by {@link RuleKey}; findings by the
 * rule outcome and what the patient lines show ({@link FindingKey}); advice by the findings key, the sources shown and
 * the perpetrator it names ({@link AdviceKey}); texts of drugs whose results are not phenoconverted are cached with
 * stand-ins for test date and lab ({@link ProvenanceMask}), so that new patients with the same results share them.
 * Gene facts are cached by what they are made of ({@link FactBuilder.Input}: no test date or lab). Keys compute their
 * hash once and compare by hand-written equality.
 * With a cache size of 0 nothing is kept. Caffeine caches: thread-safe.
 */
final class AssessmentCache {
    private final Cache<RuleKey, AdviceWriter.DrugOutcome> outcomes;
    private final Cache<FindingKey, CachedFindings> findings;
    private final Cache<AdviceKey, java.util.Optional<DrugAdvice>> advice;
    /** Advice written from results with stand-ins for test date and lab ({@link ProvenanceMask}). */
    private final Cache<AdviceKey, ProvenanceMask.MaskedAdvice> maskedAdvice;
    /**
     * The rule facts of a gene result by what they are made of ({@link FactBuilder.Input}: no test date or lab), so
     * that new patients with a result seen before share them.
     */
    private final Cache<FactBuilder.Input, Facts> geneFacts;

    /** @param cacheSize maximum entries per cache; 0 or less turns caching off (every call computes) */
    AssessmentCache(long cacheSize) {
        boolean on = cacheSize > 0;
        this.outcomes = on ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
        this.findings = on ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
        this.advice = on ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
        this.maskedAdvice = on ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
        this.geneFacts = on ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
    }

    /** @return whether the caches are on */
    boolean on() {
        return outcomes != null;
    }

    /** @param compute the facts of a result's input (called on a miss) */
    GeneFacts geneFacts(GeneResult result, boolean functions, Function<FactBuilder.Input, List<GeneFact>> compute) {
        FactBuilder.Input input = FactBuilder.Input.of(result, functions);
        Facts f = geneFacts == null ? Facts.of(compute.apply(input))
                : geneFacts.get(input, in -> Facts.of(compute.apply(in)));
        return GeneFacts.of(f, result);
    }

    /** @return the cached rule outcome, or null */
    AdviceWriter.DrugOutcome outcome(RuleKey key) {
        return outcomes == null ? null : outcomes.getIfPresent(key);
    }

    void putOutcome(RuleKey key, AdviceWriter.DrugOutcome outcome) {
        if (outcomes != null) {
            outcomes.put(key, outcome);
        }
    }

    /** @return the cached findings, or null */
    CachedFindings findings(FindingKey key) {
        return findings == null ? null : findings.getIfPresent(key);
    }

    void putFindings(FindingKey key, CachedFindings cached) {
        if (findings != null) {
            findings.put(key, cached);
        }
    }

    /**
     * A drug's findings as cached: written for the patient ({@code masked} null), or with stand-ins for test date
     * and lab ({@code masked}: the same findings, ready to be filled for each patient); with the rule outcome they were
     * written from (a findings key holds the rule key, so a hit needs no second look-up for the outcome).
     */
    record CachedFindings(List<Finding> list, ProvenanceMask.Findings masked, AdviceWriter.DrugOutcome outcome) {
    }

    /** The advice for the key, written by {@code write} on a miss (null: no advice); caches on only. */
    DrugAdvice advice(AdviceKey key, java.util.function.Supplier<DrugAdvice> write) {
        return advice.get(key, k -> java.util.Optional.ofNullable(write.get())).orElse(null);
    }

    /** The advice with stand-ins for the key, written by {@code write} on a miss; caches on only. */
    ProvenanceMask.MaskedAdvice maskedAdvice(AdviceKey key, java.util.function.Supplier<ProvenanceMask.MaskedAdvice> write) {
        return maskedAdvice.get(key, k -> write.get());
    }

    /**
     * A gene's facts, and the same facts without diplotype and allele functions (for drugs not keyed on them), each
     * with its hash computed once per distinct result rather than once per drug.
     */
    record Facts(List<GeneFact> full, List<GeneFact> reduced, FactsKey fullKey, FactsKey reducedKey) {
        static Facts of(List<GeneFact> full) {
            List<GeneFact> reduced = full.stream().map(f -> f.diplotype() == null && f.functions() == null ? f
                    : new GeneFact(f.gene(), f.allele(), f.lookupKey(), f.phenotype(), null, null, f.state(),
                    f.expandedFrom())).toList();
            FactsKey fullKey = new FactsKey(full.hashCode(), full);
            FactsKey reducedKey = reduced.equals(full) ? fullKey : new FactsKey(reduced.hashCode(), reduced);
            return new Facts(full, reduced, fullKey, reducedKey);
        }
    }

    /** A gene's facts ({@link Facts}, shared between patients) and what the patient lines show of this result. */
    record GeneFacts(Facts facts, PatientLine line, PatientLine masked, GeneResult result) {
        static GeneFacts of(List<GeneFact> full, GeneResult result) {
            return of(Facts.of(full), result);
        }

        static GeneFacts of(Facts facts, GeneResult result) {
            PatientLine line = PatientLine.of(result);
            return new GeneFacts(facts, line, line.masked(), result);
        }

        List<GeneFact> full() {
            return facts.full();
        }

        FactsKey fullKey() {
            return facts.fullKey();
        }

        FactsKey reducedKey() {
            return facts.reducedKey();
        }
    }

    /** A gene's facts as part of a cache key, with the hash computed once. */
    record FactsKey(int hash, List<GeneFact> facts) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof FactsKey k && hash == k.hash && facts.equals(k.facts);
        }
    }

    /**
     * What the patient lines of findings and advice show of one gene result: diplotype (the normalised spelling, and
     * the one an advice shows, {@link AdviceWriter#shownDiplotype}, which can be the lab's own), score, test date and
     * lab.
     */
    record PatientLine(int hash, String gene, String diplotype, String shownDiplotype, String activityScore,
                       LocalDate testDate, String lab) {
        static PatientLine of(GeneResult r) {
            return of(r.gene(), r.diplotype(), AdviceWriter.shownDiplotype(r), r.activityScore(),
                    r.provenance().testDate(), r.provenance().lab());
        }

        private static PatientLine of(String gene, String diplotype, String shown, String score, LocalDate date,
                                      String lab) {
            return new PatientLine(Objects.hash(gene, diplotype, shown, score, date, lab), gene, diplotype, shown, score,
                    date, lab);
        }

        /** @return this line with the test date and lab replaced by whether they are shown */
        PatientLine masked() {
            return of(gene, diplotype, shownDiplotype, activityScore,
                    testDate == null ? null : ProvenanceMask.SHOWN_DATE,
                    lab == null || lab.isBlank() ? null : ProvenanceMask.SHOWN_LAB);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof PatientLine p && hash == p.hash && gene.equals(p.gene)
                    && Objects.equals(diplotype, p.diplotype) && Objects.equals(shownDiplotype, p.shownDiplotype)
                    && Objects.equals(activityScore, p.activityScore) && Objects.equals(testDate, p.testDate)
                    && Objects.equals(lab, p.lab);
        }
    }

    /**
     * Cache key of a drug's findings for a patient: the rule outcome plus what the patient lines show. Hash computed
     * once; hand-written equality (see {@link RuleKey}).
     */
    static final class FindingKey {
        final RuleKey rules;
        final List<Object> patient;
        final int hash;

        FindingKey(RuleKey rules, List<Object> patient) {
            this.rules = rules;
            this.patient = patient;
            this.hash = 31 * rules.hashCode() + patient.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof FindingKey k && hash == k.hash && rules.equals(k.rules)
                    && patient.equals(k.patient);
        }
    }

    /** Cache key of a drug's advice: its findings' key (rule outcome and patient lines), the sources shown. */
    record AdviceKey(FindingKey findings, Set<String> sources, String causedBy, int visible) {
    }

    /** Marks a findings key whose patient lines say only whether a test date and lab are shown. */
    private static final Object MASKED = new Object();

    /**
     * {@link #patient} for a drug whose results are not phenoconverted, with test date and lab replaced by whether
     * they are shown ({@link ProvenanceMask}).
     */
    static List<Object> maskedPatient(Knowledge.DrugInfo info, Map<String, GeneFacts> drugFacts,
                                              boolean newOrder) {
        List<Object> out = new ArrayList<>(info.context().keyGenes().size() + 2);
        out.add(MASKED);
        for (String gene : info.context().keyGenes()) {
            GeneFacts f = drugFacts.get(gene);
            if (f != null) {
                out.add(f.masked());
            }
        }
        if (newOrder) {
            out.add(Boolean.TRUE);
        }
        return out;
    }

    /**
     * What the patient lines of a drug's findings show: diplotype, score, test date and lab per gene; for a
     * phenoconverted gene also the perpetrator, its class and the genotype-predicted result, so that two patients
     * with the same functional result but different perpetrators or genotypes never share a cached finding.
     */
    static List<Object> patient(Knowledge.DrugInfo info, Map<String, GeneFacts> drugFacts,
                                        PhenoconversionStep.Functional functional, boolean newOrder) {
        List<Object> out = new ArrayList<>(info.genes().size() + 1);
        for (String gene : info.context().keyGenes()) {
            GeneFacts f = drugFacts.get(gene);
            if (f != null) {
                out.add(f.line());
            }
            Phenoconversion p = functional.conversions().get(gene);
            if (p != null) {
                out.add(p.perpetrator());
                out.add(p.effect());
                out.add(p.strength());
                out.add(p.policyVersion());
                out.add(p.genotypePredicted().phenotype());
                out.add(p.genotypePredicted().activityScore());
                out.add(p.genotypePredicted().lookupKey());
                out.add(p.genotypePredicted().diplotype());
            }
        }
        if (newOrder) {
            out.add(Boolean.TRUE);
        }
        return out;
    }
}
