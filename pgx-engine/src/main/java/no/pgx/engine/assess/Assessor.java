package no.pgx.engine.assess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.PgxException;
import no.pgx.engine.Problem;
import no.pgx.engine.phenotype.PhenotypeCaller;
import no.pgx.rules.model.AssessmentContext;
import no.pgx.rules.model.Candidate;
import no.pgx.rules.model.GeneFact;
import no.pgx.rules.model.OrderedDrug;
import no.pgx.rules.model.Stage;
import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.genetics.PhenotypeVocabulary;

/**
 * Internal (used by {@link no.pgx.engine.PgxEngine}; not part of the public API): assesses ordered drugs against a
 * patient's results with the rule base.
 *
 * <p>Steps: call phenotypes; resolve the drugs; per drug, map the genotype-predicted results to functional ones given
 * the co-medication ({@link PhenoconversionStep}: the medication list and the other ordered drugs, never the drug
 * itself); look the rule outcome up in a Caffeine cache keyed on everything the drug's rules can see ({@link RuleKey},
 * built from the functional results); evaluate the misses in one new stateless session per distinct set of functional
 * results; turn the surviving candidates into findings with texts. When a perpetrator is ordered, the current
 * medication it affects is assessed again and a finding is added where the new order changes the phenotype
 * (ordering paroxetine for a patient on tamoxifen). Immutable and thread-safe. Never logs patient data.
 */
public final class Assessor {
    private static final Comparator<Candidate> ORDER = Comparator
            .comparing((Candidate c) -> c.kind() != Candidate.Kind.TEST_REQUIRED)
            .thenComparing(c -> sourceRank(c.source()))
            .thenComparing(Candidate::population)
            .thenComparing(Candidate::id);

    private static final Map<ClassLoader, FutureTask<RuleBase>> BUILDS = new java.util.WeakHashMap<>();

    private final Knowledge knowledge;
    private final RuleBase rules;
    private final FactBuilder facts;
    private final FindingAssembler assembler;
    private final DrugResolver drugs;
    private final PhenotypeCaller caller;
    private final PhenoconversionStep phenoconversion;
    private final Set<String> defaultSources;
    private final Set<String> functionGenes;
    /** The knowledge's drugs for look-ups by id (a hash map: looked up for every drug of every assessment). */
    private final Map<String, Knowledge.DrugInfo> drugInfo;
    private final Cache<RuleKey, List<FindingAssembler.Prepared>> outcomes;
    private final Cache<FindingKey, List<Finding>> findings;
    private final Cache<String, DrugResolver.Resolution> resolutions;
    /** Facts per gene result, by identity: the phenotype caller hands out one result object per distinct input. */
    private final Cache<GeneResult, GeneFacts> geneFacts;

    private Assessor(Knowledge knowledge, RuleBase rules, DrugResolver drugs, FindingTexts texts,
                     AlleleFunctions functions, PhenotypeCaller caller, Set<String> defaultSources, long cacheSize,
                     PhenoconversionStep phenoconversion) {
        this.knowledge = knowledge;
        this.rules = rules;
        this.facts = new FactBuilder(knowledge, functions);
        this.phenoconversion = phenoconversion;
        this.assembler = new FindingAssembler(knowledge, texts, phenoconversion::describe);
        this.drugs = drugs;
        this.caller = caller;
        this.defaultSources = Set.copyOf(defaultSources.isEmpty() ? Knowledge.SOURCES : defaultSources);
        Set<String> fg = new HashSet<>();
        knowledge.drugs.values().forEach(d -> fg.addAll(d.functionGenes()));
        this.functionGenes = Set.copyOf(fg);
        this.drugInfo = Map.copyOf(knowledge.drugs);
        this.outcomes = cacheSize <= 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.findings = cacheSize <= 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.resolutions = Caffeine.newBuilder().maximumSize(Math.max(1_000, Math.min(cacheSize, 100_000))).build();
        this.geneFacts = cacheSize <= 0 ? null : Caffeine.newBuilder().weakKeys().maximumSize(cacheSize).build();
    }

    /**
     * Loads the knowledge tables and the compiled rule base.
     *
     * @param classLoader     the loader to read the rule base and tables from; not null
     * @param defaultSources  sources used when a request names none ({@code CPIC}, {@code DPWG}); empty means both
     * @param phenoconversion whether to apply phenoconversion from co-medication
     * @param cacheSize       maximum number of cached rule outcomes; 0 turns caching off
     * @param caller          the phenotype caller; not null
     * @return the assessor, never null
     * @throws PgxException when the bundled knowledge or rule base cannot be loaded
     */
    public static Assessor load(ClassLoader classLoader, Set<String> defaultSources, boolean phenoconversion,
                                long cacheSize, PhenotypeCaller caller) {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(caller, "caller");
        FutureTask<RuleBase> rules = build(classLoader);
        Knowledge knowledge = Knowledge.load(classLoader);
        DrugResolver drugs = new CatalogDrugResolver(DrugCatalog.loadDefault());
        FindingTexts texts = new FindingTexts(knowledge, drugs, PhenotypeVocabulary.loadDefault(), classLoader);
        PhenoconversionStep step = phenoconversion ? PhenoconversionStep.load(classLoader, cacheSize)
                : PhenoconversionStep.OFF;
        return new Assessor(knowledge, join(rules), drugs, texts, AlleleFunctions.load(classLoader), caller,
                defaultSources, cacheSize, step);
    }

    /**
     * Starts building the rule base for a class loader on a background thread, unless it is built or being built.
     * Building the kbase (about 2,500 rules) is most of the engine's start-up; an embedder that calls this before its
     * other start-up work (e.g. loading the phenotype caller) overlaps the two. {@link #load} calls it too. Thread-safe.
     *
     * @param classLoader the loader to read the rule base from; not null
     */
    public static void preload(ClassLoader classLoader) {
        build(Objects.requireNonNull(classLoader, "classLoader"));
    }

    /** @return the (started) build of the rule base for the class loader; shared by every caller */
    private static FutureTask<RuleBase> build(ClassLoader classLoader) {
        synchronized (BUILDS) {
            FutureTask<RuleBase> task = BUILDS.get(classLoader);
            if (task == null) {
                FutureTask<RuleBase> created = new FutureTask<>(() -> RuleBase.load(classLoader));
                Thread builder = new Thread(created, "pgx-rulebase-loader");
                builder.setDaemon(true);
                builder.setContextClassLoader(classLoader);
                builder.start();
                task = created;
                BUILDS.put(classLoader, task);
            }
            return task;
        }
    }

    private static RuleBase join(FutureTask<RuleBase> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgxException("Interrupted while loading the rule base", e);
        } catch (ExecutionException e) {
            synchronized (BUILDS) {
                BUILDS.values().remove(task);  // a later load tries again
            }
            if (e.getCause() instanceof PgxException p) {
                throw p;
            }
            throw new PgxException("The rule base cannot be loaded: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Assesses the request. Bad parts of the input become {@link Problem}s; the rest is assessed.
     *
     * @param request the request; not null
     * @return the assessment, never null
     */
    public Assessment assess(AssessmentRequest request) {
        Objects.requireNonNull(request, "request");
        List<Problem> problems = new ArrayList<>();
        Map<String, GeneResult> predicted = new LinkedHashMap<>();
        for (GeneInput input : request.results()) {
            try {
                GeneResult r = caller.call(input);
                if (predicted.putIfAbsent(r.gene(), r) != null) {
                    problems.add(new Problem(r.gene(), "gene", r.gene() + " is given more than once; the first result"
                            + " is used"));
                }
            } catch (PgxException e) {
                problems.add(e.toProblem());
            }
        }
        return assess(List.copyOf(predicted.values()), request, problems);
    }

    /** Assesses already interpreted results (the rest of {@link #assess(AssessmentRequest)}; used by tests). */
    Assessment assess(List<GeneResult> predicted, AssessmentRequest request, List<Problem> problems) {
        Set<String> medications = resolveMedications(request.medications());
        Map<String, GeneResult> byGene = new LinkedHashMap<>();
        predicted.forEach(r -> byGene.put(r.gene(), r));
        Set<String> orderedIds = new LinkedHashSet<>();
        List<String> ordered = request.allDrugs() ? List.copyOf(knowledge.drugIds())
                : resolveDrugs(request.drugs(), problems, orderedIds);
        // Co-medication: the medication list (which holds recently stopped long-washout drugs) and the other ordered
        // drugs. "Every drug of the knowledge base" is a look-up, not an order: then only the medication list counts.
        Set<String> coMedication = new LinkedHashSet<>(medications);
        coMedication.addAll(orderedIds);
        PhenoconversionStep.Session session = phenoconversion.start(byGene, coMedication);
        Set<String> newPerpetrators = newPerpetrators(orderedIds, medications, session);
        List<String> reassessed = reassessed(ordered, medications, newPerpetrators);
        String population = population(request.population(), problems);
        Integer age = request.ageYears();
        if (age != null && (age < 0 || age > 130)) {
            problems.add(new Problem(null, "ageYears", "Age " + age + " years is not plausible; age is ignored"));
            age = null;
        }
        Map<String, GeneFacts> factsByGene = new HashMap<>();
        for (GeneResult r : byGene.values()) {
            factsByGene.put(r.gene(), geneFacts == null ? geneFacts(r) : geneFacts.get(r, this::geneFacts));
        }
        AssessmentContext context = new AssessmentContext(population, age, request.includeNormal());
        Set<String> sources = request.sources().isEmpty() ? defaultSources : normalise(request.sources(), problems);
        List<String> all = ordered;
        if (!reassessed.isEmpty()) {
            all = new ArrayList<>(ordered);
            all.addAll(reassessed);
        }
        List<List<Finding>> perDrug = findings(all, ordered.size(), factsByGene, context, medications, session);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < perDrug.size(); i++) {
            for (Finding f : perDrug.get(i)) {
                if (i >= ordered.size() && !causedBy(f, newPerpetrators)) {
                    continue;  // a drug already taken: only what the new order changes is news
                }
                if (request.allDrugs() && f.action() == no.pgx.engine.Action.TEST_REQUIRED) {
                    continue;  // a look-up of every drug orders nothing: "test before start" is for new orders (CLINICAL.md)
                }
                if (f.action() == no.pgx.engine.Action.TEST_REQUIRED || sources.contains(f.source())) {
                    out.add(f);
                }
            }
        }
        problems.addAll(session.problems());
        return new Assessment(predicted, session.applied(), out, problems, knowledge.version);
    }

    /** Ordered perpetrators the patient does not already take: their effect on the current medication is new. */
    private static Set<String> newPerpetrators(Set<String> orderedIds, Set<String> medications,
                                               PhenoconversionStep.Session session) {
        if (session.perpetrators().isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (String id : orderedIds) {
            if (session.perpetrators().contains(id) && !medications.contains(id)) {
                out.add(id.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The current medication whose genes a newly ordered perpetrator changes (and that is not ordered itself). */
    private List<String> reassessed(List<String> ordered, Set<String> medications, Set<String> newPerpetrators) {
        if (newPerpetrators.isEmpty()) {
            return List.of();
        }
        Set<String> genes = new HashSet<>();
        newPerpetrators.forEach(p -> genes.addAll(phenoconversion.genesAffectedBy(p)));
        List<String> out = new ArrayList<>();
        for (String drug : new java.util.TreeSet<>(medications)) {
            Knowledge.DrugInfo info = drugInfo.get(drug);
            if (info != null && !ordered.contains(drug) && info.genes().stream().anyMatch(genes::contains)) {
                out.add(drug);
            }
        }
        return out;
    }

    private static boolean causedBy(Finding f, Set<String> newPerpetrators) {
        return f.phenoconverted() && f.phenoconversions().stream()
                .anyMatch(p -> newPerpetrators.contains(p.perpetrator().toLowerCase(Locale.ROOT)));
    }

    /** @return the English INN (lower case) of every drug in the knowledge base, sorted */
    public Set<String> drugs() {
        return knowledge.drugIds();
    }

    /** @return the version of the knowledge base: data snapshot per source and a checksum of the tables */
    public String knowledgeVersion() {
        return knowledge.version;
    }

    // ------------------------------------------------------------------ rule outcomes

    private GeneFacts geneFacts(GeneResult r) {
        return GeneFacts.of(facts.facts(r, functionGenes.contains(r.gene())), r);
    }

    /**
     * A gene's facts, and the same facts without diplotype and allele functions (for drugs not keyed on them), each
     * with its hash computed once per gene instead of once per drug; and what the patient lines show of the result.
     */
    private record GeneFacts(List<GeneFact> full, List<GeneFact> reduced, FactsKey fullKey, FactsKey reducedKey,
                             PatientLine line) {
        static GeneFacts of(List<GeneFact> full, GeneResult result) {
            List<GeneFact> reduced = full.stream().map(f -> f.diplotype() == null && f.functions() == null ? f
                    : new GeneFact(f.gene(), f.allele(), f.lookupKey(), f.phenotype(), null, null, f.state(),
                    f.expandedFrom())).toList();
            FactsKey fullKey = new FactsKey(full.hashCode(), full);
            FactsKey reducedKey = reduced.equals(full) ? fullKey : new FactsKey(reduced.hashCode(), reduced);
            return new GeneFacts(full, reduced, fullKey, reducedKey, PatientLine.of(result));
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

    /** What a finding's patient line shows of one gene result: diplotype, score, test date and lab. */
    private record PatientLine(int hash, String gene, String diplotype, String activityScore, LocalDate testDate,
                               String lab) {
        static PatientLine of(GeneResult r) {
            return new PatientLine(Objects.hash(r.gene(), r.diplotype(), r.activityScore(), r.provenance().testDate(),
                    r.provenance().lab()), r.gene(), r.diplotype(), r.activityScore(), r.provenance().testDate(),
                    r.provenance().lab());
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof PatientLine p && hash == p.hash && gene.equals(p.gene)
                    && Objects.equals(diplotype, p.diplotype) && Objects.equals(activityScore, p.activityScore)
                    && Objects.equals(testDate, p.testDate) && Objects.equals(lab, p.lab);
        }
    }

    /**
     * Cache key of a drug's findings for a patient: the rule outcome plus what the patient lines show. Hash computed
     * once; hand-written equality (see {@link RuleKey}).
     */
    private static final class FindingKey {
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

    /** One drug on its way through the caches. */
    private static final class Slot {
        final String drug;
        final RuleKey rules;
        final FindingKey key;
        final PhenoconversionStep.Functional functional;
        final boolean newOrder;
        List<Finding> findings;
        List<FindingAssembler.Prepared> prepared;

        Slot(String drug, RuleKey rules, FindingKey key, PhenoconversionStep.Functional functional,
             boolean newOrder) {
            this.drug = drug;
            this.rules = rules;
            this.key = key;
            this.functional = functional;
            this.newOrder = newOrder;
        }
    }

    /**
     * The findings per drug: from the findings cache; else assembled with this patient's lines from the cached rule
     * outcome; else the rules run for every drug whose outcome is not cached, in one stateless session per distinct
     * set of functional results (usually one: drugs see different results only when one of them is a perpetrator,
     * which is left out of its own co-medication).
     *
     * @param firstReassessed index of the first drug that is assessed again because a perpetrator was ordered
     */
    private List<List<Finding>> findings(List<String> drugIds, int firstReassessed, Map<String, GeneFacts> factsByGene,
                                         AssessmentContext context, Set<String> medications,
                                         PhenoconversionStep.Session session) {
        List<Slot> slots = new ArrayList<>(drugIds.size());
        Map<Map<String, GeneFacts>, List<Slot>> missing = new IdentityHashMap<>();
        Map<PhenoconversionStep.Functional, Map<String, GeneFacts>> functionalFacts = new IdentityHashMap<>();
        for (int i = 0; i < drugIds.size(); i++) {
            String drug = drugIds.get(i);
            Knowledge.DrugInfo info = drugInfo.get(drug);
            PhenoconversionStep.Functional fn = session.forDrug(drug, info.genes());
            Map<String, GeneFacts> drugFacts = fn.conversions().isEmpty() ? factsByGene
                    : functionalFacts.computeIfAbsent(fn, x -> functionalFacts(factsByGene, x));
            boolean newOrder = i >= firstReassessed;
            RuleKey rk = key(info, drugFacts, context, !medications.contains(drug));
            Slot slot = new Slot(drug, rk, new FindingKey(rk, patient(info, drugFacts, fn, newOrder)), fn, newOrder);
            slots.add(slot);
            slot.findings = findings == null ? null : findings.getIfPresent(slot.key);
            if (slot.findings == null) {
                slot.prepared = outcomes == null ? null : outcomes.getIfPresent(rk);
                if (slot.prepared == null) {
                    missing.computeIfAbsent(drugFacts, k -> new ArrayList<>()).add(slot);
                }
            }
        }
        missing.forEach((drugFacts, group) -> {
            Map<String, List<Candidate>> byDrug = evaluate(group.stream().map(x -> x.drug).distinct().toList(),
                    drugFacts, context, medications);
            for (Slot slot : group) {
                slot.prepared = byDrug.getOrDefault(slot.drug, List.of()).stream().map(assembler::prepare).toList();
                if (outcomes != null) {
                    outcomes.put(slot.rules, slot.prepared);
                }
            }
        });
        List<List<Finding>> out = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            if (slot.findings == null) {
                List<Finding> list = new ArrayList<>(slot.prepared.size());
                for (FindingAssembler.Prepared p : slot.prepared) {
                    list.add(assembler.finding(p, slot.functional.results(), slot.functional.conversions(),
                            slot.newOrder));
                }
                slot.findings = List.copyOf(list);
                if (findings != null) {
                    findings.put(slot.key, slot.findings);
                }
            }
            out.add(slot.findings);
        }
        return out;
    }

    /**
     * The facts with the phenoconverted genes replaced by their functional result. The diplotype and allele-function
     * pair are left out of those: rows keyed on the genotype (DPWG CYP2C9 diplotypes for phenytoin) describe the
     * genotype, not the functional state, so the phenotype and activity-score rows decide.
     */
    private Map<String, GeneFacts> functionalFacts(Map<String, GeneFacts> predicted,
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
     * What the patient lines of a drug's findings show: diplotype, score, test date and lab per gene; for a
     * phenoconverted gene also the perpetrator, its class and the genotype-predicted result, so that two patients
     * with the same functional result but different perpetrators or genotypes never share a cached finding.
     */
    private static List<Object> patient(Knowledge.DrugInfo info, Map<String, GeneFacts> drugFacts,
                                        PhenoconversionStep.Functional functional, boolean newOrder) {
        List<Object> out = new ArrayList<>(info.genes().size() + 1);
        for (String gene : info.genes()) {
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
            }
        }
        if (newOrder) {
            out.add(Boolean.TRUE);
        }
        return out;
    }

    private Map<String, List<Candidate>> evaluate(List<String> drugIds, Map<String, GeneFacts> factsByGene,
                                                  AssessmentContext context, Set<String> medications) {
        List<Object> all = new ArrayList<>();
        all.add(context);
        all.add(new Stage(Stage.SELECTION));
        Set<Object> knowledgeFacts = new LinkedHashSet<>();
        Set<String> genes = new HashSet<>();
        for (String drug : drugIds) {
            Knowledge.DrugInfo info = drugInfo.get(drug);
            all.add(new OrderedDrug(drug, !medications.contains(drug)));
            knowledgeFacts.addAll(info.facts());
            genes.addAll(info.genes());
        }
        all.addAll(knowledgeFacts);
        factsByGene.forEach((gene, f) -> {
            if (genes.contains(gene)) {
                all.addAll(f.full());
            }
        });
        Map<String, List<Candidate>> byDrug = new HashMap<>();
        for (Candidate c : rules.evaluate(all)) {
            byDrug.computeIfAbsent(c.drug(), d -> new ArrayList<>()).add(c);
        }
        byDrug.replaceAll((drug, list) -> {
            list.sort(ORDER);
            return List.copyOf(list);
        });
        return byDrug;
    }

    private static RuleKey key(Knowledge.DrugInfo info, Map<String, GeneFacts> factsByGene, AssessmentContext context,
                               boolean newStart) {
        List<FactsKey> relevant = new ArrayList<>(info.genes().size());
        for (String gene : info.genes()) {
            GeneFacts f = factsByGene.get(gene);
            if (f != null) {
                boolean full = info.diplotypeGenes().contains(gene) || info.functionGenes().contains(gene);
                relevant.add(full ? f.fullKey() : f.reducedKey());
            }
        }
        boolean populations = info.populations().size() > 1 || !info.populations().contains("general");
        return new RuleKey(info.drug(), relevant, populations ? context.population() : null,
                info.ageBounded() ? context.ageYears() : null, context.includeNormal(),
                info.newStartMatters() && newStart);
    }

    // ------------------------------------------------------------------ input

    /**
     * @param resolved receives every drug id the names certainly contain, also those without rules (a perpetrator
     *                 such as rifampicin is co-medication for the other ordered drugs)
     * @return the ordered drugs that the knowledge base has rules for
     */
    private List<String> resolveDrugs(List<String> names, List<Problem> problems, Set<String> resolved) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : names) {
            DrugResolver.Resolution r = resolve(name);
            if (!r.resolved()) {
                problems.add(new Problem(null, "drug", "Unknown drug '" + name + "'"
                        + (r.message().isEmpty() ? "" : ": " + r.message())));
                continue;
            }
            ids.addAll(r.ids());
            resolved.addAll(r.ids());
            if (!r.possibleIds().isEmpty()) {
                ids.addAll(r.possibleIds());
                problems.add(new Problem(null, "drug", "'" + name + "' may contain " + r.possibleIds()
                        + "; assessed as if it does" + (r.message().isEmpty() ? "" : " (" + r.message() + ")")));
            }
        }
        ids.retainAll(knowledge.drugIds());
        return List.copyOf(ids);
    }

    /**
     * Drugs the patient certainly takes. A medication that may contain a drug does not make that drug "not new", and a
     * medication the catalog does not know is ignored without a problem: the catalog holds every rule drug and every
     * known perpetrator, so an unknown name can change neither a finding nor a test requirement (a misspelt rule drug
     * keeps "test before start", the safe side).
     */
    private Set<String> resolveMedications(List<String> names) {
        Set<String> ids = new HashSet<>();
        for (String name : names) {
            ids.addAll(resolve(name).ids());
        }
        return ids;
    }

    private DrugResolver.Resolution resolve(String name) {
        return resolutions.get(name == null ? "" : name, drugs::resolve);
    }

    private String population(String population, List<Problem> problems) {
        if (population == null || population.isBlank()) {
            return null;
        }
        String key = population.trim();
        if (knowledge.populations.containsKey(key)) {
            return key;
        }
        for (String k : knowledge.populations.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return k;
            }
        }
        problems.add(new Problem(null, "population", "Unknown population '" + population + "' (known: "
                + String.join(", ", knowledge.populations.keySet()) + "); every population is shown"));
        return null;
    }

    private static Set<String> normalise(Set<String> sources, List<Problem> problems) {
        Set<String> out = new HashSet<>();
        for (String s : sources) {
            String n = s.trim().toUpperCase(Locale.ROOT);
            if (!Knowledge.SOURCES.contains(n)) {
                problems.add(new Problem(null, "sources", "Unknown recommendation source '" + s + "' (use CPIC or DPWG)"));
            }
            out.add(n);
        }
        return out;
    }

    private static int sourceRank(String source) {
        int i = Knowledge.SOURCES.indexOf(source);
        return i < 0 ? -1 : i;
    }
}
