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
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Note;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.PgxException;
import no.pgx.engine.Problem;
import no.pgx.engine.phenotype.PhenotypeCaller;
import no.pgx.rules.model.Alternative;
import no.pgx.rules.model.AlternativeCheck;
import no.pgx.rules.model.AssessmentContext;
import no.pgx.rules.model.Candidate;
import no.pgx.rules.model.GeneFact;
import no.pgx.rules.model.DoseStatement;
import no.pgx.rules.model.DrugGene;
import no.pgx.rules.model.OrderedDrug;
import no.pgx.rules.model.Outcome;
import no.pgx.rules.model.Phenoconverted;
import no.pgx.rules.model.PredictedResult;
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
 * built from the functional results); evaluate the misses in one rule session per distinct set of functional results
 * (a kept session that already holds the group's knowledge facts, see {@link RuleBase}); turn the surviving candidates
 * into findings with texts and write the advice per drug. With caches on, findings and advice are cached by rule
 * outcome and patient lines without test date and lab, and filled in with the patient's date and lab
 * ({@link ProvenanceMask}). When a perpetrator is ordered, the current
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
    private final FindingTexts texts;
    private final DrugResolver drugs;
    private final PhenotypeCaller caller;
    private final PhenoconversionStep phenoconversion;
    private final Set<String> defaultSources;
    private final Set<String> functionGenes;
    /** The knowledge's drugs for look-ups by id (a hash map: looked up for every drug of every assessment). */
    private final Map<String, Knowledge.DrugInfo> drugInfo;
    private final Cache<RuleKey, AdviceWriter.DrugOutcome> outcomes;
    private final Cache<FindingKey, List<Finding>> findings;
    private final Cache<AdviceKey, java.util.Optional<DrugAdvice>> advice;
    /** Advice written from results with stand-ins for test date and lab ({@link ProvenanceMask}). */
    private final Cache<AdviceKey, ProvenanceMask.MaskedAdvice> maskedAdvice;
    private final AdviceWriter writer;
    private final Cache<String, DrugResolver.Resolution> resolutions;
    /** Knowledge per group of drugs evaluated together (no patient data: kept whatever the cache size). */
    private final Cache<List<String>, GroupKnowledge> groups;
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
        this.texts = texts;
        this.drugs = drugs;
        this.caller = caller;
        this.defaultSources = Set.copyOf(defaultSources.isEmpty() ? Knowledge.SOURCES : defaultSources);
        Set<String> fg = new HashSet<>();
        knowledge.drugs.values().forEach(d -> fg.addAll(d.functionGenes()));
        this.functionGenes = Set.copyOf(fg);
        this.drugInfo = Map.copyOf(knowledge.drugs);
        this.outcomes = cacheSize <= 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.findings = cacheSize <= 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.advice = cacheSize <= 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.maskedAdvice = cacheSize <= 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.writer = new AdviceWriter(knowledge, texts);
        this.groups = Caffeine.newBuilder().maximumSize(256).build();
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
        DrugCatalog catalog = DrugCatalog.loadDefault();
        Knowledge knowledge = Knowledge.load(classLoader, catalog);
        DrugResolver drugs = new CatalogDrugResolver(catalog);
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
        List<Note> notes = new ArrayList<>();
        LocalDate orderDate = request.orderDate() != null ? request.orderDate() : LocalDate.now();
        Set<String> medications = resolveMedications(request.medications());
        Map<String, LocalDate> started = startDates(request.medicationUses());
        Map<String, GeneResult> byGene = new LinkedHashMap<>();
        predicted.forEach(r -> byGene.put(r.gene(), r));
        Set<String> orderedIds = new LinkedHashSet<>();
        Map<String, String> indications = new HashMap<>();
        List<String> ordered = request.allDrugs() ? List.copyOf(knowledge.drugIds())
                : resolveDrugs(request, problems, notes, orderedIds, indications);
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
        Double weight = request.weightKg();
        if (weight != null && (weight.isNaN() || weight < 0.3 || weight > 400)) {
            problems.add(new Problem(null, "weightKg", "Weight " + weight + " kg is not plausible; weight is ignored"));
            weight = null;
        }
        Set<String> conditions = resolveConditions(request.conditions(), problems);
        Map<String, GeneFacts> factsByGene = new HashMap<>();
        for (GeneResult r : byGene.values()) {
            factsByGene.put(r.gene(), geneFacts == null ? geneFacts(r) : geneFacts.get(r, this::geneFacts));
        }
        Set<String> coMedicationIds = new HashSet<>();
        coMedication.forEach(id -> coMedicationIds.add(id.toLowerCase(Locale.ROOT)));
        AssessmentContext context = new AssessmentContext(population, age, request.includeNormal(), weight, conditions,
                request.conditionsKnown(), ancestry(request.ancestry()), coMedicationIds);
        Set<String> sources = request.sources().isEmpty() ? defaultSources : normalise(request.sources(), problems);
        List<String> all = ordered;
        if (!reassessed.isEmpty()) {
            all = new ArrayList<>(ordered);
            all.addAll(reassessed);
        }
        Map<String, OrderedDrug> orders = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            String drug = all.get(i);
            String indication = i < ordered.size() ? indications.get(drug) : null;
            String orderPopulation = population;
            if (indication != null && clinical().populationOf(indication) != null && request.population() == null) {
                orderPopulation = clinical().populationOf(indication);
            }
            LocalDate start = started.get(drug);
            orders.put(drug, new OrderedDrug(drug, !medications.contains(drug), false, orderPopulation, indication,
                    start == null ? null : (int) java.time.temporal.ChronoUnit.DAYS.between(start, orderDate),
                    start == null ? null : monthsTaken(start, orderDate)));
        }
        List<Slot> slots = findings(all, ordered.size(), factsByGene, context, orders, session);
        List<Finding> out = new ArrayList<>();
        List<DrugAdvice> adviceList = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            List<Finding> visible = new ArrayList<>(slot.findings.size());
            List<Finding> visibleTemplates = slot.templates == null ? null : new ArrayList<>(slot.findings.size());
            for (int j = 0; j < slot.findings.size(); j++) {
                Finding f = slot.findings.get(j);
                if (i >= ordered.size() && !causedBy(f, newPerpetrators)) {
                    continue;  // a drug already taken: only what the new order changes is news
                }
                if (request.allDrugs() && f.action() == no.pgx.engine.Action.TEST_REQUIRED
                        && knowledge.testAction(f.recommendationId()) == null) {
                    continue;  // a look-up of every drug orders nothing: "test before start" is for new orders (docs/clinical-rules.md)
                }
                if (f.action() == no.pgx.engine.Action.TEST_REQUIRED && knowledge.testAction(f.recommendationId()) == null
                        || sources.contains(f.source().label())) {
                    visible.add(f);
                    if (visibleTemplates != null) {
                        visibleTemplates.add(slot.templates.get(j));
                    }
                }
            }
            out.addAll(visible);
            String causedBy = null;
            AdviceWriter.DrugOutcome outcome = slot.outcome;
            if (i >= ordered.size()) {
                causedBy = slot.functional.conversions().values().stream().map(Phenoconversion::perpetrator)
                        .filter(p -> newPerpetrators.contains(p.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
                if (causedBy == null || visible.isEmpty() && outcome.interactions().isEmpty()) {
                    continue;
                }
            }
            DrugAdvice a = advice(slot, visible, visibleTemplates, sources, orders.get(slot.drug), causedBy);
            if (a != null) {
                adviceList.add(a);
            }
        }
        adviceList.sort(java.util.Comparator.comparingInt(a -> a.indicator().ordinal()));
        notes.addAll(session.notes(drugs::nameNb));
        return new Assessment(predicted, session.applied(), out, problems, knowledge.version, adviceList, notes);
    }

    private FindingTexts texts() {
        return texts;
    }

    private ClinicalKnowledge clinical() {
        return knowledge.clinical;
    }

    /**
     * The advice for one drug: from the advice cache, else written from the slot's findings and rule outcome. A slot
     * with stand-ins for test date and lab gets the advice written from its findings with stand-ins (cached), filled
     * with the patient's date and lab.
     *
     * @param templates the visible findings with stand-ins, in the order of {@code visible}; null when not masked
     */
    private DrugAdvice advice(Slot slot, List<Finding> visible, List<Finding> templates, Set<String> sources,
                              OrderedDrug order, String causedBy) {
        AdviceWriter.DrugOutcome o = slot.outcome;
        if (advice == null) {
            return writer.write(slot.drug, visible, o, slot.functional.results(), slot.functional.conversions(), order,
                    causedBy);
        }
        if (slot.mask != null && templates != null) {
            AdviceKey key = new AdviceKey(slot.key, sources, causedBy, visible.size());
            ProvenanceMask.MaskedAdvice m = maskedAdvice.get(key, k -> ProvenanceMask.MaskedAdvice.of(writer.write(
                    slot.drug, templates, o, slot.mask.results(), slot.functional.conversions(), order, causedBy)));
            if (m.advice() == null) {
                return null;
            }
            Map<Finding, Finding> byTemplate = new IdentityHashMap<>(templates.size() * 2);
            for (int i = 0; i < templates.size(); i++) {
                byTemplate.put(templates.get(i), visible.get(i));
            }
            DrugAdvice filled = ProvenanceMask.fill(m, slot.mask, byTemplate);
            if (filled != null) {
                return filled;
            }
            return writer.write(slot.drug, visible, o, slot.functional.results(), slot.functional.conversions(), order,
                    causedBy);
        }
        AdviceKey key = new AdviceKey(slot.key, sources, causedBy, visible.size());
        return advice.get(key, k -> java.util.Optional.ofNullable(writer.write(slot.drug, visible, o,
                slot.functional.results(), slot.functional.conversions(), order, causedBy))).orElse(null);
    }

    /** Cache key of a drug's advice: its findings' key (rule outcome and patient lines), the sources shown. */
    private record AdviceKey(FindingKey findings, Set<String> sources, String causedBy, int visible) {
    }

    /** The earliest start date of each medication, by drug id. */
    private Map<String, LocalDate> startDates(List<no.pgx.engine.MedicationUse> uses) {
        if (uses.isEmpty()) {
            return Map.of();
        }
        Map<String, LocalDate> out = new HashMap<>();
        for (no.pgx.engine.MedicationUse u : uses) {
            if (u.startDate() != null) {
                for (String id : resolve(u.name()).ids()) {
                    out.merge(id, u.startDate(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return out;
    }

    /** Whole calendar months from start to order date, plus one when days more have passed. */
    static int monthsTaken(LocalDate start, LocalDate orderDate) {
        java.time.Period p = java.time.Period.between(start, orderDate);
        int months = p.getYears() * 12 + p.getMonths();
        return p.getDays() > 0 ? months + 1 : months;
    }

    /** Condition ids of the patient's conditions; unknown ones are problems. Null input: empty (unknown). */
    private Set<String> resolveConditions(List<String> conditions, List<Problem> problems) {
        if (conditions == null || conditions.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String c : conditions) {
            ClinicalKnowledge.ConditionMatch m = clinical().condition(c);
            if (m.ids().isEmpty()) {
                problems.add(new Problem(null, "conditions", "Condition '" + c + "': " + m.problem()));
            }
            out.addAll(m.ids());
        }
        return out;
    }

    private static Set<String> ancestry(Set<String> groups) {
        if (groups.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String g : groups) {
            if (g != null && !g.isBlank()) {
                out.add(g.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-"));
            }
        }
        return out;
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
                             PatientLine line, PatientLine masked, GeneResult result) {
        static GeneFacts of(List<GeneFact> full, GeneResult result) {
            List<GeneFact> reduced = full.stream().map(f -> f.diplotype() == null && f.functions() == null ? f
                    : new GeneFact(f.gene(), f.allele(), f.lookupKey(), f.phenotype(), null, null, f.state(),
                    f.expandedFrom())).toList();
            FactsKey fullKey = new FactsKey(full.hashCode(), full);
            FactsKey reducedKey = reduced.equals(full) ? fullKey : new FactsKey(reduced.hashCode(), reduced);
            PatientLine line = PatientLine.of(result);
            return new GeneFacts(full, reduced, fullKey, reducedKey, line, line.masked(), result);
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
            return of(r.gene(), r.diplotype(), r.activityScore(), r.provenance().testDate(), r.provenance().lab());
        }

        private static PatientLine of(String gene, String diplotype, String score, LocalDate date, String lab) {
            return new PatientLine(Objects.hash(gene, diplotype, score, date, lab), gene, diplotype, score, date, lab);
        }

        /** @return this line with the test date and lab replaced by whether they are shown */
        PatientLine masked() {
            return of(gene, diplotype, activityScore, testDate == null ? null : ProvenanceMask.SHOWN_DATE,
                    lab == null || lab.isBlank() ? null : ProvenanceMask.SHOWN_LAB);
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
        final OrderedDrug order;
        List<Finding> findings;
        AdviceWriter.DrugOutcome outcome;
        /** Stand-ins for test date and lab when the slot's texts are cached without them, else null. */
        ProvenanceMask.Masked mask;
        /** The findings with stand-ins ({@code findings} are these filled for the patient); null when not masked. */
        List<Finding> templates;

        Slot(String drug, RuleKey rules, FindingKey key, PhenoconversionStep.Functional functional,
             boolean newOrder, OrderedDrug order) {
            this.drug = drug;
            this.rules = rules;
            this.key = key;
            this.functional = functional;
            this.newOrder = newOrder;
            this.order = order;
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
    private List<Slot> findings(List<String> drugIds, int firstReassessed, Map<String, GeneFacts> factsByGene,
                                AssessmentContext context, Map<String, OrderedDrug> orders,
                                PhenoconversionStep.Session session) {
        List<Slot> slots = new ArrayList<>(drugIds.size());
        Map<PhenoconversionStep.Functional, List<Slot>> missing = new IdentityHashMap<>();
        Map<PhenoconversionStep.Functional, Map<String, GeneFacts>> functionalFacts = new IdentityHashMap<>();
        Map<Map<String, GeneResult>, java.util.Optional<ProvenanceMask.Masked>> masks = new IdentityHashMap<>();
        for (int i = 0; i < drugIds.size(); i++) {
            String drug = drugIds.get(i);
            Knowledge.DrugInfo info = drugInfo.get(drug);
            PhenoconversionStep.Functional fn = session.forDrug(drug, info.genes());
            Map<String, GeneFacts> drugFacts = fn.conversions().isEmpty() ? factsByGene
                    : functionalFacts.computeIfAbsent(fn, x -> functionalFacts(factsByGene, x));
            boolean newOrder = i >= firstReassessed;
            OrderedDrug order = orders.get(drug);
            RuleKey rk = key(info, drugFacts, context, order, fn);
            // Cached texts are written without the patient's test date and lab where the drug's results are not
            // phenoconverted (ProvenanceMask): a new patient's own date would otherwise miss every cached text.
            ProvenanceMask.Masked mask = findings == null || !fn.conversions().isEmpty() ? null
                    : masks.computeIfAbsent(fn.results(), r -> java.util.Optional.ofNullable(ProvenanceMask.mask(r)))
                    .orElse(null);
            Slot slot = new Slot(drug, rk, new FindingKey(rk, mask != null ? maskedPatient(info, drugFacts, newOrder)
                    : patient(info, drugFacts, fn, newOrder)), fn, newOrder, order);
            slot.mask = mask;
            slots.add(slot);
            slot.outcome = outcomes == null ? null : outcomes.getIfPresent(rk);
            if (slot.outcome == null) {
                missing.computeIfAbsent(fn, k -> new ArrayList<>()).add(slot);
            } else {
                slot.findings = findings == null ? null : findings.getIfPresent(slot.key);
            }
        }
        missing.forEach((fn, group) -> {
            Map<String, GeneFacts> drugFacts = fn.conversions().isEmpty() ? factsByGene : functionalFacts.get(fn);
            Map<String, AdviceWriter.DrugOutcome> byDrug = evaluate(group, drugFacts, context, fn);
            for (Slot slot : group) {
                slot.outcome = byDrug.getOrDefault(slot.drug, AdviceWriter.DrugOutcome.EMPTY);
                if (outcomes != null) {
                    outcomes.put(slot.rules, slot.outcome);
                }
            }
        });
        for (Slot slot : slots) {
            if (slot.findings == null) {
                slot.findings = assemble(slot, slot.mask == null ? slot.functional.results() : slot.mask.results());
                if (findings != null) {
                    findings.put(slot.key, slot.findings);
                }
            }
            if (slot.mask != null) {
                slot.templates = slot.findings;
                slot.findings = ProvenanceMask.fill(slot.templates, slot.mask);
                if (slot.findings == null) {  // a stand-in where it cannot be filled: written for the patient
                    slot.mask = null;
                    slot.templates = null;
                    slot.findings = assemble(slot, slot.functional.results());
                }
            }
        }
        return slots;
    }

    /** The slot's findings written from its rule outcome with the given results. */
    private List<Finding> assemble(Slot slot, Map<String, GeneResult> results) {
        List<Finding> list = new ArrayList<>(slot.outcome.prepared().size());
        for (FindingAssembler.Prepared p : slot.outcome.prepared()) {
            list.add(assembler.finding(p, results, slot.functional.conversions(), slot.newOrder));
        }
        return List.copyOf(list);
    }

    /** Marks a findings key whose patient lines say only whether a test date and lab are shown. */
    private static final Object MASKED = new Object();

    /**
     * {@link #patient} for a drug whose results are not phenoconverted, with test date and lab replaced by whether
     * they are shown ({@link ProvenanceMask}).
     */
    private static List<Object> maskedPatient(Knowledge.DrugInfo info, Map<String, GeneFacts> drugFacts,
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

    /** Runs the rules for a group of drugs that see the same functional results. */
    private Map<String, AdviceWriter.DrugOutcome> evaluate(List<Slot> group, Map<String, GeneFacts> factsByGene,
                                                          AssessmentContext context,
                                                          PhenoconversionStep.Functional functional) {
        List<String> drugIds = new ArrayList<>(group.size());
        group.forEach(s -> drugIds.add(s.drug));
        GroupKnowledge known = groups.get(drugIds, this::groupKnowledge);
        List<Object> head = new ArrayList<>(group.size() + known.probes().size() + 2);
        head.add(context);
        head.add(new Stage(Stage.SELECTION));
        for (int i = 0; i < group.size(); i++) {
            head.add(group.get(i).order);
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
    private static RuleKey key(Knowledge.DrugInfo info, Map<String, GeneFacts> factsByGene, AssessmentContext context,
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
                extra.add(context.weightKg());
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
                info.ageBounded() || cx.age() ? context.ageYears() : null, context.includeNormal(),
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

    // ------------------------------------------------------------------ input

    /**
     * @param resolved    receives every drug id the names certainly contain, also those without rules (a perpetrator
     *                    such as rifampicin is co-medication for the other ordered drugs)
     * @param indications receives the condition id of each ordered drug whose order states an indication
     * @return the ordered drugs that the knowledge base has rules for (orders by a local route left out)
     */
    private List<String> resolveDrugs(AssessmentRequest request, List<Problem> problems, List<Note> notes,
                                      Set<String> resolved, Map<String, String> indications) {
        Map<String, no.pgx.engine.DrugOrder> orderByName = new HashMap<>();
        for (no.pgx.engine.DrugOrder o : request.orders()) {
            orderByName.putIfAbsent(o.drug(), o);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String name : request.drugs()) {
            no.pgx.engine.DrugOrder order = orderByName.get(name);
            String route = order == null ? null : order.route();
            DrugResolver.Resolution r = route == null ? resolve(name) : drugs.resolve(name, route);
            if (!r.resolved()) {
                problems.add(new Problem(null, "drug", "Unknown drug '" + name + "'"
                        + (r.message().isEmpty() ? "" : ": " + r.message())));
                continue;
            }
            if (r.topical()) {
                // docs/clinical-rules.md: topical and other local routes never trigger a test or a card (one route classifier,
                // the terminology module's, for the engine, the CLI and the service)
                List<String> local = new ArrayList<>(r.ids());
                local.addAll(r.possibleIds());
                for (String id : local) {
                    String where = route == null ? name : route;
                    notes.add(new Note("local-route", null, id, new LocalizedText(
                            texts().text(FindingTexts.Lang.EN, "advice.notes.localRoute", "drug",
                                    FindingTexts.capitalise(drugs.nameEn(id)), "route", where),
                            texts().text(FindingTexts.Lang.NB, "advice.notes.localRoute", "drug",
                                    FindingTexts.capitalise(drugs.nameNb(id)), "route", where))));
                }
                continue;
            }
            resolved.addAll(r.ids());
            for (String id : r.ids()) {
                List<Knowledge.AdviceScope> scopes = knowledge.monotherapyOnly(id);
                // the substance as part of a combination: the order itself, or the patient's combination product
                // that this order completes (Kalydeco in the evening beside Kaftrio in the morning)
                DrugResolver.Resolution combination = scopes.isEmpty() ? null : r.combination() ? r
                        : request.medications().stream().map(this::resolve)
                        .filter(m -> m.combination() && m.ids().contains(id)).findFirst().orElse(null);
                if (combination == null) {
                    ids.add(id);
                } else {
                    notes.add(monotherapyNote(name, id, combination, scopes));  // docs/clinical-rules.md
                }
            }
            if (!r.possibleIds().isEmpty()) {
                ids.addAll(r.possibleIds());
                notes.add(new Note("possible-ingredient", null, String.join(",", r.possibleIds()), new LocalizedText(
                        "'" + name + "' may contain " + r.possibleIds() + "; assessed as if it does"
                                + (r.message().isEmpty() ? "" : " (" + r.message() + ")"),
                        texts().text(FindingTexts.Lang.NB, "advice.notes.possible", "name", name, "drugs",
                                String.join(", ", r.possibleIds().stream().map(drugs::nameNb).toList())))));
            }
            if (order != null && order.indication() != null) {
                ClinicalKnowledge.ConditionMatch m = clinical().condition(order.indication());
                if (m.ids().isEmpty()) {
                    problems.add(new Problem(null, "indication", "Indication '" + order.indication() + "' of '" + name
                            + "': " + m.problem() + "; the indication is treated as unknown"));
                } else if (m.ambiguous()) {
                    problems.add(new Problem(null, "indication", "Indication '" + order.indication() + "' of '"
                            + name + "' is a code of both ICD-10 and ICPC-2 (" + m.ids() + "): give the code system "
                            + "(icd10:, icpc2:, snomed:); the indication is treated as unknown"));
                } else {
                    // the most specific condition that selects a recommendation population, else the most specific
                    String condition = m.ids().stream().filter(c -> clinical().populationOf(c) != null).findFirst()
                            .orElse(m.ids().get(0));
                    r.ids().forEach(id -> indications.put(id, condition));
                    r.possibleIds().forEach(id -> indications.put(id, condition));
                }
            }
        }
        ids.retainAll(knowledge.drugIds());
        return List.copyOf(ids);
    }

    /**
     * A combination product whose ingredient has guideline advice for the substance alone (clinical/advice-scope.csv):
     * no advice on the product, and a note that says why.
     */
    private Note monotherapyNote(String name, String id, DrugResolver.Resolution r, List<Knowledge.AdviceScope> scopes) {
        List<String> partsEn = new ArrayList<>();
        List<String> partsNb = new ArrayList<>();
        for (String other : r.ids()) {
            if (!other.equals(id)) {
                partsEn.add(drugs.nameEn(other));
                partsNb.add(drugs.nameNb(other));
            }
        }
        partsEn.addAll(r.others());
        partsNb.addAll(r.others());
        String reasonEn = String.join("; ", scopes.stream().map(Knowledge.AdviceScope::reasonEn).toList());
        String reasonNb = String.join("; ", scopes.stream().map(Knowledge.AdviceScope::reasonNb).toList());
        return new Note("monotherapy-advice", null, id, new LocalizedText(
                texts().text(FindingTexts.Lang.EN, "advice.notes.monotherapy", "name", name, "drug",
                        drugs.nameEn(id), "others", String.join(", ", partsEn), "reason", reasonEn),
                texts().text(FindingTexts.Lang.NB, "advice.notes.monotherapy", "name", name, "drug",
                        drugs.nameNb(id), "others", String.join(", ", partsNb), "reason", reasonNb)));
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
