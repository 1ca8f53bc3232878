package no.pgx.engine.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.FutureTask;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.Note;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.PgxException;
import no.pgx.engine.Problem;
import no.pgx.engine.assess.AssessmentCache.AdviceKey;
import no.pgx.engine.assess.AssessmentCache.FindingKey;
import no.pgx.engine.assess.AssessmentCache.GeneFacts;
import no.pgx.engine.phenotype.PhenotypeCaller;
import no.pgx.rules.model.AssessmentContext;
import no.pgx.rules.model.OrderedDrug;
import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.genetics.PhenotypeVocabulary;
import no.pgx.engine.assess.text.AdviceWriter;
import no.pgx.engine.assess.text.FindingAssembler;
import no.pgx.engine.assess.text.FindingTexts;
import no.pgx.engine.assess.text.ProvenanceMask;

/**
 * Internal (used by {@link no.pgx.engine.PgxEngine}; not part of the public API): assesses ordered drugs against a
 * patient's results with the rule base. This class is the pipeline; each step is its own class.
 *
 * <ol>
 * <li>Call phenotypes ({@link PhenotypeCaller}).</li>
 * <li>Read the request ({@link RequestReader}): ordered drugs, indications, medication with start dates, conditions,
 * population, age, weight, ancestry, sources.</li>
 * <li>Per drug, map the genotype-predicted results to functional ones given the co-medication
 * ({@link PhenoconversionStep}: the medication list and the other ordered drugs, never the drug itself).</li>
 * <li>Look the rule outcome up by everything the drug's rules can see ({@link RuleStep#key}, {@link RuleKey}); run the
 * rules for the misses in one rule session per distinct set of functional results ({@link RuleStep},
 * {@link RuleBase}).</li>
 * <li>Turn the surviving candidates into findings with texts ({@link FindingAssembler}) and write the advice per drug
 * ({@link AdviceWriter}).</li>
 * </ol>
 *
 * <p>The caching layer ({@link AssessmentCache}) keeps rule outcomes, findings and advice; with caches on, texts of
 * drugs whose results are not phenoconverted are cached without test date and lab and filled in per patient
 * ({@link ProvenanceMask}). When a perpetrator is ordered, the current medication it affects is assessed again and a
 * finding is added where the new order changes the phenotype (ordering paroxetine for a patient on tamoxifen).
 * Immutable and thread-safe. Never logs patient data.
 */
public final class Assessor {
    private final Knowledge knowledge;
    private final FindingAssembler assembler;
    private final DrugResolver drugs;
    private final PhenotypeCaller caller;
    private final PhenoconversionStep phenoconversion;
    /** The knowledge's drugs for look-ups by id (a hash map: looked up for every drug of every assessment). */
    private final Map<String, Knowledge.DrugInfo> drugInfo;
    private final AdviceWriter writer;
    private final RequestReader reader;
    private final RuleStep ruleStep;
    private final AssessmentCache cache;

    private Assessor(Knowledge knowledge, RuleBase rules, DrugResolver drugs, FindingTexts texts,
                     AlleleFunctions functions, PhenotypeCaller caller, Set<String> defaultSources, long cacheSize,
                     PhenoconversionStep phenoconversion) {
        this.knowledge = knowledge;
        this.phenoconversion = phenoconversion;
        this.assembler = new FindingAssembler(knowledge, texts, phenoconversion::describe);
        this.drugs = drugs;
        this.caller = caller;
        this.drugInfo = Map.copyOf(knowledge.drugs);
        this.writer = new AdviceWriter(knowledge, texts);
        this.reader = new RequestReader(knowledge, drugs, texts, defaultSources, cacheSize);
        this.cache = new AssessmentCache(cacheSize);
        this.ruleStep = new RuleStep(knowledge, rules, new FactBuilder(knowledge, functions), assembler, cache,
                drugInfo);
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
        FutureTask<RuleBase> rules = RuleBaseLoader.start(classLoader);
        DrugCatalog catalog = DrugCatalog.loadDefault();
        Knowledge knowledge = Knowledge.load(classLoader, catalog);
        DrugResolver drugs = new CatalogDrugResolver(catalog);
        FindingTexts texts = new FindingTexts(knowledge, drugs, PhenotypeVocabulary.loadDefault(), classLoader);
        PhenoconversionStep step = phenoconversion ? PhenoconversionStep.load(classLoader, cacheSize)
                : PhenoconversionStep.OFF;
        return new Assessor(knowledge, RuleBaseLoader.join(rules), drugs, texts, AlleleFunctions.load(classLoader),
                caller, defaultSources, cacheSize, step);
    }

    /**
     * Starts building the rule base for a class loader on a background thread, unless it is built or being built.
     * Building the kbase (about 2,500 rules) is most of the engine's start-up; an embedder that calls this before its
     * other start-up work (e.g. loading the phenotype caller) overlaps the two. {@link #load} calls it too. Thread-safe.
     *
     * @param classLoader the loader to read the rule base from; not null
     */
    public static void preload(ClassLoader classLoader) {
        RuleBaseLoader.start(Objects.requireNonNull(classLoader, "classLoader"));
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
        RequestReader.Read in = reader.read(request, problems, notes);
        List<String> ordered = in.ordered();
        Set<String> medications = in.medications();
        Map<String, GeneResult> byGene = new LinkedHashMap<>();
        predicted.forEach(r -> byGene.put(r.gene(), r));
        // Co-medication: the medication list (which holds recently stopped long-washout drugs) and the other ordered
        // drugs. "Every drug of the knowledge base" is a look-up, not an order: then only the medication list counts.
        Set<String> coMedication = new LinkedHashSet<>(medications);
        coMedication.addAll(in.orderedIds());
        PhenoconversionStep.Session session = phenoconversion.start(byGene, coMedication);
        Set<String> newPerpetrators = session.newPerpetrators(in.orderedIds(), medications);
        List<String> reassessed = session.reassessed(ordered, medications, newPerpetrators, drugInfo);
        Map<String, GeneFacts> factsByGene = ruleStep.facts(byGene);
        Set<String> coMedicationIds = new HashSet<>();
        coMedication.forEach(id -> coMedicationIds.add(id.toLowerCase(Locale.ROOT)));
        AssessmentContext context = new AssessmentContext(in.population(), in.ageYears(), request.includeNormal(),
                in.weightKg(), in.conditions(), request.conditionsKnown(), in.ancestry(), coMedicationIds);
        Set<String> sources = in.sources();
        List<String> all = ordered;
        if (!reassessed.isEmpty()) {
            all = new ArrayList<>(ordered);
            all.addAll(reassessed);
        }
        Map<String, OrderedDrug> orders = reader.orders(request, in, all);
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
        adviceList.sort(Comparator.comparingInt(a -> a.indicator().ordinal()));
        notes.addAll(session.notes(drugs::nameNb));
        return new Assessment(predicted, session.applied(), out, problems, knowledge.version, adviceList, notes);
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
        if (!cache.on()) {
            return writer.write(slot.drug, visible, o, slot.functional.results(), slot.functional.conversions(), order,
                    causedBy);
        }
        if (slot.mask != null && templates != null) {
            AdviceKey key = new AdviceKey(slot.key, sources, causedBy, visible.size());
            ProvenanceMask.MaskedAdvice m = cache.maskedAdvice(key, () -> ProvenanceMask.MaskedAdvice.of(writer.write(
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
        return cache.advice(key, () -> writer.write(slot.drug, visible, o, slot.functional.results(),
                slot.functional.conversions(), order, causedBy));
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

    // ------------------------------------------------------------------ the slot loop

    /** One drug on its way through the caches. */
    private static final class Slot {
        final String drug;
        final RuleKey rules;
        final FindingKey key;
        final PhenoconversionStep.Functional functional;
        final boolean newOrder;
        List<Finding> findings;
        AdviceWriter.DrugOutcome outcome;
        /** Stand-ins for test date and lab when the slot's texts are cached without them, else null. */
        ProvenanceMask.Masked mask;
        /** The findings with stand-ins ({@code findings} are these filled for the patient); null when not masked. */
        List<Finding> templates;
        /** {@code templates} ready to be filled (as cached with them); null when not masked. */
        ProvenanceMask.Findings compiled;

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
                    : functionalFacts.computeIfAbsent(fn, x -> ruleStep.functionalFacts(factsByGene, x));
            boolean newOrder = i >= firstReassessed;
            RuleKey rk = ruleStep.key(info, drugFacts, context, orders.get(drug), fn);
            // Cached texts are written without the patient's test date and lab where the drug's results are not
            // phenoconverted (ProvenanceMask): a new patient's own date would otherwise miss every cached text.
            ProvenanceMask.Masked mask = !cache.on() || !fn.conversions().isEmpty() ? null
                    : masks.computeIfAbsent(fn.results(), r -> java.util.Optional.ofNullable(ProvenanceMask.mask(r)))
                    .orElse(null);
            Slot slot = new Slot(drug, rk, new FindingKey(rk, mask != null
                    ? AssessmentCache.maskedPatient(info, drugFacts, newOrder)
                    : AssessmentCache.patient(info, drugFacts, fn, newOrder)), fn, newOrder);
            slot.mask = mask;
            slots.add(slot);
            AssessmentCache.CachedFindings cached = cache.findings(slot.key);
            if (cached != null) {
                slot.outcome = cached.outcome();
                slot.findings = cached.list();
                slot.compiled = cached.masked();
            } else {
                slot.outcome = cache.outcome(rk);
                if (slot.outcome == null) {
                    missing.computeIfAbsent(fn, k -> new ArrayList<>()).add(slot);
                }
            }
        }
        missing.forEach((fn, group) -> {
            Map<String, GeneFacts> drugFacts = fn.conversions().isEmpty() ? factsByGene : functionalFacts.get(fn);
            List<String> groupDrugs = new ArrayList<>(group.size());
            group.forEach(slot -> groupDrugs.add(slot.drug));
            Map<String, AdviceWriter.DrugOutcome> byDrug = ruleStep.evaluate(groupDrugs, orders, drugFacts, context,
                    fn);
            for (Slot slot : group) {
                slot.outcome = byDrug.getOrDefault(slot.drug, AdviceWriter.DrugOutcome.EMPTY);
                cache.putOutcome(slot.rules, slot.outcome);
            }
        });
        for (Slot slot : slots) {
            if (slot.findings == null) {
                slot.findings = assemble(slot, slot.mask == null ? slot.functional.results() : slot.mask.results());
                slot.compiled = slot.mask == null ? null : ProvenanceMask.Findings.of(slot.findings);
                cache.putFindings(slot.key, new AssessmentCache.CachedFindings(slot.findings, slot.compiled,
                        slot.outcome));
            }
            if (slot.mask != null) {
                slot.templates = slot.findings;
                slot.findings = slot.compiled == null ? null : slot.compiled.fill(slot.mask);
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
}
