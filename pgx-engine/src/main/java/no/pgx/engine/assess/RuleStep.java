package no.pgx.engine.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.pgx.engine.GeneResult;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.assess.AssessmentCache.FactsKey;
import no.pgx.engine.assess.AssessmentCache.GeneFacts;
import no.pgx.rules.model.Alternative;
import no.pgx.rules.model.AlternativeCheck;
import no.pgx.rules.model.AssessmentContext;
import no.pgx.rules.model.Candidate;
import no.pgx.rules.model.DoseStatement;
import no.pgx.rules.model.DrugGene;
import no.pgx.rules.model.GeneFact;
import no.pgx.rules.model.OrderedDrug;
import no.pgx.rules.model.Outcome;
import no.pgx.rules.model.Phenoconverted;
import no.pgx.rules.model.PredictedResult;
import no.pgx.rules.model.Stage;
import no.pgx.engine.assess.text.AdviceWriter;
import no.pgx.engine.assess.text.FindingAssembler;

/**
 * The rules step of an assessment: the gene facts the rules see ({@link #facts}, {@link #functionalFacts}), the
 * cache key of a drug's rule outcome ({@link #key}: everything the drug's rules, its alternatives' checks and its dose
 * statements can see), and the evaluation of a group of drugs in one rule
 * session ({@link RuleBase}): the group's knowledge facts (kept per group), the orders, the patient's gene facts and
 * phenoconversions in; per drug the surviving candidates (prepared for the finding texts), interactions, checked
 * alternatives and dose statements out, each in a stable order. Thread-safe.
 */
final class RuleStep {
    private static final Comparator<Candidate> ORDER = Comparator
            .comparing((Candidate c) -> c.kind() != Candidate.Kind.TEST_REQUIRED)
            .thenComparing(c -> sourceRank(c.source()))
            .thenComparing(Candidate::population)
            .thenComparing(Candidate::id);

    private final Knowledge knowledge;
    private final RuleBase rules;
    private final FactBuilder facts;
    private final FindingAssembler assembler;
    private final AssessmentCache cache;
    private final Map<String, Knowledge.DrugInfo> drugInfo;
    /** Genes whose allele functions some drug's rows are keyed on. */
    private final Set<String> functionGenes;
    /** {@link FactBuilder#facts(FactBuilder.Input)} as the cache's compute function, made once instead of per gene. */
    private final Function<FactBuilder.Input, List<GeneFact>> geneFacts;
    /**
     * Per drug, the ages at which some age-bounded fact its rule session holds changes its answer (see
     * {@link #ageCuts}); drugs without such facts have none.
     */
    private final Map<String, int[]> ageCuts = new HashMap<>();
    /** Per drug, the body weights at which an alternative's weight contraindication applies ({@link #weightCuts}). */
    private final Map<String, double[]> weightCuts = new HashMap<>();
    /** Knowledge per group of drugs evaluated together (no patient data: kept whatever the cache size). */
    private final Cache<List<String>, GroupKnowledge> groups = Caffeine.newBuilder().maximumSize(256).build();

    RuleStep(Knowledge knowledge, RuleBase rules, FactBuilder facts, FindingAssembler assembler, AssessmentCache cache,
             Map<String, Knowledge.DrugInfo> drugInfo) {
        this.knowledge = knowledge;
        this.rules = rules;
        this.facts = facts;
        this.assembler = assembler;
        this.cache = cache;
        this.drugInfo = drugInfo;
        Set<String> fg = new HashSet<>();
        knowledge.drugs.values().forEach(d -> fg.addAll(d.functionGenes()));
        this.functionGenes = Set.copyOf(fg);
        this.geneFacts = facts::facts;
        drugInfo.forEach((drug, info) -> {
            ageCuts.put(drug, ageCuts(info, drugInfo));
            weightCuts.put(drug, weightCuts(info));
        });
    }

    /**
     * The body weights (kg) a rule compares the patient's weight with for this drug: the limits of its alternatives'
     * {@code weight-max} contraindications, the only facts that hold a weight.
     */
    static double[] weightCuts(Knowledge.DrugInfo info) {
        java.util.TreeSet<Double> cuts = new java.util.TreeSet<>();
        for (Object f : info.context().orderFacts()) {
            if (f instanceof no.pgx.rules.model.Contraindication c && c.kind().equals("weight-max")) {
                cuts.add(c.limit());
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * @return null when the weight is unknown; else which interval of the drug's {@link #weightCuts} the weight is in:
     *         below, at or above each limit are told apart, so any comparison with a limit ({@code <}, {@code <=},
     *         {@code >}, {@code >=}) gives the same answer for weights of the same interval
     */
    static Integer weightClass(double[] cuts, Double weight) {
        if (weight == null) {
            return null;
        }
        int below = 0;
        boolean at = false;
        for (double cut : cuts) {
            below += cut < weight ? 1 : 0;
            at |= cut == weight;
        }
        return 2 * below + (at ? 1 : 0);
    }

    /**
     * The ages (whole years) at which a comparison with an age bound of the drug's rule session can change its answer:
     * the drug's own facts and order facts and those of its probes (the alternatives assessed with it), exactly the
     * facts {@link #groupKnowledge} brings in for the drug. Every rule that reads the age compares it with such a
     * bound: a population's lowest or highest age, a dose statement's age band, an alternative's age
     * contraindication. For each bound b both b and b + 1 are cuts, so below, at and above b are told apart and any
     * comparison with b ({@code <}, {@code <=}, {@code >}, {@code >=}) gives the same answer for ages between two cuts.
     * The rule cache keys on that interval ({@link #ageClass}) instead of the age: a new patient's age no longer makes
     * a new key.
     */
    static int[] ageCuts(Knowledge.DrugInfo info, Map<String, Knowledge.DrugInfo> drugInfo) {
        List<Double> bounds = new ArrayList<>();
        List<Object> session = new ArrayList<>(info.facts());
        session.addAll(info.context().orderFacts());
        for (String probe : info.context().probes()) {
            session.addAll(drugInfo.get(probe).facts());
        }
        for (Object f : session) {
            if (f instanceof no.pgx.rules.model.PopulationFact p) {
                addBounds(bounds, p.ageMin(), p.ageMax());
            } else if (f instanceof no.pgx.rules.model.DoseRow d) {
                addBounds(bounds, d.ageMin(), d.ageMax());
            } else if (f instanceof no.pgx.rules.model.Contraindication c
                    && (c.kind().equals("age-min") || c.kind().equals("age-max"))) {
                bounds.add(c.limit());
            }
        }
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        for (double b : bounds) {
            cuts.add((int) Math.ceil(b));         // the first whole age at or above b
            cuts.add((int) Math.floor(b) + 1);    // the first whole age above b
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void addBounds(List<Double> bounds, Integer min, Integer max) {
        if (min != null) {
            bounds.add(min.doubleValue());
        }
        if (max != null) {
            bounds.add(max.doubleValue());
        }
    }

    /**
     * @return null when the age is unknown or no fact of the drug's session is age-bounded; else the number of the
     *         drug's {@link #ageCuts} at or below the age (ages with the same number get the same rule outcome)
     */
    static Integer ageClass(int[] cuts, Integer age) {
        if (age == null || cuts.length == 0) {
            return null;
        }
        int i = java.util.Arrays.binarySearch(cuts, age);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** @return the gene facts of each result, by gene (shared by results of the same content: AssessmentCache) */
    Map<String, GeneFacts> facts(Map<String, GeneResult> byGene) {
        Map<String, GeneFacts> factsByGene = new HashMap<>();
        for (GeneResult r : byGene.values()) {
            factsByGene.put(r.gene(), cache.geneFacts(r, functionGenes.contains(r.gene()), geneFacts));
        }
        return factsByGene;
    }

    /**
     * The facts with the phenoconverted genes replaced by their functional result. The diplotype and allele-function
     * pair are left out of those: rows keyed on the genotype (DPWG CYP2C9 diplotypes for phenytoin) describe the
     * genotype, not the functional state, so the phenotype and activity-score rows decide.
     */
    Map<String, GeneFacts> functionalFacts(Map<String, GeneFacts> predicted,
                                           PhenoconversionStep.Functional functional) {
        Map<String, GeneFacts> out = new HashMap<>(predicted);
        functional.conversions().forEach((gene, p) -> {
            List<GeneFact> list = new ArrayList<>();
            for (GeneFact f : facts.facts(functional.results().get(gene), false)) {
                list.add(f.diplotype() == null && f.functions() == null ? f : new GeneFact(f.gene(), f.allele(),
                        f.lookupKey(), f.phenotype(), null, null, f.state(), f.expandedFrom()));
            }
            out.put(gene, GeneFacts.of(List.copyOf(list), functional.results().get(gene)));
        });
        return out;
    }

    /**
     * Runs the rules for a group of drugs that see the same functional results.
     *
     * @param drugIds the drugs, in order
     * @param orders  the order of each drug (at least of those of the group), by drug
     * @return the rule outcome per drug
     */
    Map<String, AdviceWriter.DrugOutcome> evaluate(List<String> drugIds, Map<String, OrderedDrug> orders,
                                                   Map<String, GeneFacts> factsByGene, AssessmentContext context,
                                                   PhenoconversionStep.Functional functional) {
        GroupKnowledge known = groups.get(drugIds, this::groupKnowledge);
        List<Object> head = new ArrayList<>(drugIds.size() + known.probes().size() + 2);
        head.add(context);
        head.add(new Stage(Stage.SELECTION));
        for (int i = 0; i < drugIds.size(); i++) {
            head.add(orders.get(drugIds.get(i)));
            head.addAll(known.probes().get(i));
        }
        Set<String> genes = known.genes();
        List<Object> tail = new ArrayList<>();
        factsByGene.forEach((gene, f) -> {
            if (genes.contains(gene)) {
                tail.addAll(f.full());
            }
        });
        // The gene facts once more per ordered drug (and probe) whose rows name the gene: the generated row rules
        // match these with drug, gene and key alone, which the alpha network hashes (see DrugGene).
        for (Map.Entry<String, List<String>> drug : known.rowGenes()) {
            for (String gene : drug.getValue()) {
                GeneFacts f = factsByGene.get(gene);
                if (f != null) {
                    for (GeneFact g : f.full()) {
                        tail.add(DrugGene.of(drug.getKey(), g));
                    }
                }
            }
        }
        tail.addAll(phenoconverted(functional));
        for (String gene : genes) {
            GeneFacts f = factsByGene.get(gene);
            if (f != null && f.result() != null) {
                Phenoconversion p = functional.conversions().get(gene);
                GeneResult predicted = p == null ? f.result() : p.genotypePredicted();
                if (predicted.phenotype() != null) {
                    tail.add(new PredictedResult(gene, predicted.phenotype(), FactBuilder.state(predicted.state())));
                }
            }
        }
        Outcome outcome = rules.evaluate(head, known.facts(), tail, known.uses().incrementAndGet() > 1);
        Set<String> inGroup = new HashSet<>(drugIds);
        Map<String, List<Candidate>> candidates = new HashMap<>();
        Map<String, List<Candidate>> interactions = new HashMap<>();
        for (Candidate c : outcome.candidates()) {
            if (c.kind() == Candidate.Kind.INTERACTION) {
                interactions.computeIfAbsent(c.drug(), d -> new ArrayList<>()).add(c);
            } else {
                candidates.computeIfAbsent(c.drug(), d -> new ArrayList<>()).add(c);
            }
        }
        Map<String, List<Alternative>> alternatives = new HashMap<>();
        outcome.alternatives().forEach(a -> alternatives.computeIfAbsent(a.forDrug(), d -> new ArrayList<>()).add(a));
        Map<String, List<AlternativeCheck>> checks = new HashMap<>();
        outcome.checks().forEach(c -> checks.computeIfAbsent(c.forDrug(), d -> new ArrayList<>()).add(c));
        Map<String, List<DoseStatement>> doses = new HashMap<>();
        outcome.doses().forEach(d -> doses.computeIfAbsent(d.drug(), x -> new ArrayList<>()).add(d));
        Map<String, AdviceWriter.DrugOutcome> out = new HashMap<>();
        for (String drug : inGroup) {
            List<Candidate> list = new ArrayList<>(candidates.getOrDefault(drug, List.of()));
            list.sort(ORDER);
            List<Candidate> ia = new ArrayList<>(interactions.getOrDefault(drug, List.of()));
            ia.sort(Comparator.comparing(Candidate::id));
            List<Alternative> alts = distinct(alternatives.getOrDefault(drug, List.of()));
            alts.sort(Comparator.comparing(Alternative::origin).thenComparingInt(this::sourceOrder)
                    .thenComparing(Alternative::drug));
            List<AlternativeCheck> ch = distinct(checks.getOrDefault(drug, List.of()));
            ch.sort(Comparator.comparing(AlternativeCheck::alternative).thenComparing(AlternativeCheck::reason)
                    .thenComparing(c -> c.verdict().name()));
            List<DoseStatement> ds = distinct(doses.getOrDefault(drug, List.of()));
            ds.sort(Comparator.comparing(DoseStatement::rowId));
            out.put(drug, new AdviceWriter.DrugOutcome(list.stream().map(assembler::prepare).toList(), List.copyOf(ia),
                    List.copyOf(alts), List.copyOf(ch), List.copyOf(ds)));
        }
        return out;
    }

    /**
     * What a group of drugs brings into the rule session whatever the patient: the knowledge facts of the drugs and of
     * their probes (each fact once, in the order the drugs list them), the probe orders that follow each drug's order,
     * and the genes whose facts the rules need. The same list object for the same drugs, so that the rule base can
     * keep sessions that hold it.
     */
    private GroupKnowledge groupKnowledge(List<String> drugIds) {
        Set<Object> knowledgeFacts = new LinkedHashSet<>();
        Set<String> genes = new HashSet<>();
        Set<String> inGroup = new HashSet<>(drugIds);
        Set<String> probes = new LinkedHashSet<>();
        List<List<OrderedDrug>> probesAfter = new ArrayList<>(drugIds.size());
        List<Map.Entry<String, List<String>>> rowGenes = new ArrayList<>();
        for (String drug : drugIds) {
            Knowledge.DrugInfo info = drugInfo.get(drug);
            knowledgeFacts.addAll(info.facts());
            knowledgeFacts.addAll(info.context().orderFacts());
            genes.addAll(info.context().keyGenes());
            rowGenes.add(Map.entry(drug, info.genes()));
            List<OrderedDrug> after = new ArrayList<>();
            for (String probe : info.context().probes()) {
                if (!inGroup.contains(probe) && probes.add(probe)) {
                    after.add(OrderedDrug.probe(probe));
                    knowledgeFacts.addAll(drugInfo.get(probe).facts());
                    rowGenes.add(Map.entry(probe, drugInfo.get(probe).genes()));
                }
            }
            probesAfter.add(List.copyOf(after));
        }
        Set<String> keyGenes = Set.copyOf(genes);
        List<Map.Entry<String, List<String>>> offered = new ArrayList<>(rowGenes.size());
        for (Map.Entry<String, List<String>> e : rowGenes) {
            offered.add(Map.entry(e.getKey(), e.getValue().stream().filter(keyGenes::contains).toList()));
        }
        return new GroupKnowledge(List.copyOf(knowledgeFacts), List.copyOf(probesAfter), keyGenes,
                List.copyOf(offered), new java.util.concurrent.atomic.AtomicInteger());
    }

    /**
     * See {@link #groupKnowledge}; {@code probes.get(i)} follow the i-th drug's order; {@code uses} counts the
     * evaluations (a group seen once, such as the drugs a cache missed for one patient, gets no kept session);
     * {@code rowGenes}: each drug and probe of the session with the genes its rows name (those of {@code genes}).
     */
    private record GroupKnowledge(List<Object> facts, List<List<OrderedDrug>> probes, Set<String> genes,
                                  List<Map.Entry<String, List<String>>> rowGenes,
                                  java.util.concurrent.atomic.AtomicInteger uses) {
    }

    /** Where the source names an alternative in its list (the order it proposes them in). */
    private int sourceOrder(Alternative a) {
        Knowledge.Row row = knowledge.rows.get(a.origin());
        List<String> list = row != null ? row.alternatives() : knowledge.clinical.interactionById.containsKey(a.origin())
                ? knowledge.clinical.interactionById.get(a.origin()).replaceWith() : List.of();
        int i = list.indexOf(a.drug());
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static <T> List<T> distinct(List<T> list) {
        return new ArrayList<>(new LinkedHashSet<>(list));
    }

    /** The phenoconversions of a functional result set as rule facts. */
    private static List<Phenoconverted> phenoconverted(PhenoconversionStep.Functional functional) {
        if (functional.conversions().isEmpty()) {
            return List.of();
        }
        List<Phenoconverted> out = new ArrayList<>(functional.conversions().size());
        functional.conversions().forEach((gene, p) -> out.add(new Phenoconverted(gene,
                p.perpetrator().toLowerCase(Locale.ROOT), p.effect(), p.strength(),
                FactBuilder.state(p.genotypePredicted().state()),
                p.genotypePredicted().phenotype() == null ? "" : p.genotypePredicted().phenotype(),
                p.functional().phenotype() == null ? "" : p.functional().phenotype())));
        out.sort(Comparator.comparing(Phenoconverted::gene));
        return out;
    }

    /**
     * The cache key of a drug's rule outcome: the gene facts of its genes (and of its alternatives' genes) and the
     * parts of the request its rules, its alternatives' checks and its dose statements can see.
     */
    RuleKey key(Knowledge.DrugInfo info, Map<String, GeneFacts> factsByGene, AssessmentContext context,
                OrderedDrug order, PhenoconversionStep.Functional functional) {
        Knowledge.Context cx = info.context();
        List<FactsKey> relevant = new ArrayList<>(cx.keyGenes().size());
        for (String gene : cx.keyGenes()) {
            GeneFacts f = factsByGene.get(gene);
            if (f != null) {
                relevant.add(cx.fullGenes().contains(gene) ? f.fullKey() : f.reducedKey());
            }
        }
        boolean populations = info.populations().size() > 1 || !info.populations().contains("general")
                || cx.indication();
        List<Object> extra = List.of();
        if (cx.indication() || cx.therapy() || cx.weight() || !cx.conditions().isEmpty() || !cx.ancestry().isEmpty()
                || !cx.medications().isEmpty() || !functional.conversions().isEmpty()) {
            extra = new ArrayList<>(8);
            if (cx.indication()) {
                extra.add(order.indication());
            }
            if (cx.therapy()) {
                extra.add(order.monthsTaken());
            }
            if (cx.weight()) {
                extra.add(weightClass(weightCuts.get(info.drug()), context.weightKg()));
            }
            if (!cx.conditions().isEmpty()) {
                extra.add(context.conditionsKnown());
                extra.add(intersect(cx.conditions(), context.conditions()));
            }
            if (!cx.ancestry().isEmpty()) {
                extra.add(intersect(cx.ancestry(), context.ancestry()));
            }
            if (!cx.medications().isEmpty()) {
                extra.add(intersect(cx.medications(), context.medications()));
            }
            if (!functional.conversions().isEmpty()) {
                extra.add(phenoconverted(functional));
            }
        }
        return new RuleKey(info.drug(), relevant, populations ? order.population() : null,
                ageClass(ageCuts.get(info.drug()), context.ageYears()), context.includeNormal(),
                info.newStartMatters() && order.newStart(), extra);
    }

    private static Set<String> intersect(Set<String> relevant, Set<String> given) {
        if (given.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new java.util.TreeSet<>();
        for (String s : relevant) {
            if (given.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static int sourceRank(String source) {
        int i = Knowledge.SOURCES.indexOf(source);
        return i < 0 ? -1 : i;
    }
}
