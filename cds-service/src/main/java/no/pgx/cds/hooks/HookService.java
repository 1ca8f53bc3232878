package no.pgx.cds.hooks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import no.pgx.cds.discovery.CdsService;
import no.pgx.cds.discovery.CdsServiceCatalog;
import no.pgx.cds.feedback.FeedbackStore;
import no.pgx.cds.fhir.GeneticResults;
import no.pgx.cds.fhir.GenomicObservations;
import no.pgx.cds.fhir.PatientFacts;
import no.pgx.cds.fhir.PgxResults;
import no.pgx.cds.fhir.PrefetchResolver;
import no.pgx.cds.fhir.ResolvedPrefetch;
import no.pgx.cds.knowledge.KnowledgeInfo;
import no.pgx.cds.system.CdsRequestException;
import no.pgx.cds.system.PureCache;
import no.pgx.cds.system.RequestIdFilter;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.DrugOrder;
import no.pgx.terminology.drug.DrugMatch;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Handles one CDS Hooks call: validates it, resolves prefetch (with FHIR fallback), reads gene results and
 * medications, asks the engine, and returns the cards (recorded for feedback).
 *
 * <p>order-select: only the selected draft orders get cards; the other drafts count as co-medication. order-sign:
 * every draft order gets cards. Co-medication is the active MedicationRequests and MedicationStatements plus the
 * other draft orders. patient-view: one summary card for the current medication list.
 *
 * <p>What of the patient's PGx results could not be used is said, never left to look like "no findings"
 * ({@link UnreadResultsCard}): when Observations came in but no result could be read, an info card lists what was not
 * read (order hooks: when a drug with PGx knowledge is ordered; patient-view: always); a problem about one gene
 * (ambiguous HLA typing, conflicting results) goes under the detail of the cards for that gene, or on the info card
 * when an ordered drug's guidance uses the gene and no card shows it. The response names the knowledge
 * ({@link KnowledgeInfo#responseExtension()}).
 *
 * <p>The engine's answer is a pure function of the assessment request (the knowledge base is fixed for the life of
 * the process), and a prescriber's calls for one patient repeat the same request, so answers are cached by request
 * (bounded). Thread-safe.
 */
@Service
public class HookService {
    private static final Logger LOG = LoggerFactory.getLogger(HookService.class);
    private static final int ANSWER_CACHE_SIZE = 4_096;
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S+");
    /** The resources read for gene results: Observations, and the DiagnosticReports that contain or list them. */
    private static final Set<String> GENOMIC_TYPES = Set.of("Observation", "DiagnosticReport");

    private final CdsServiceCatalog catalog;
    private final PrefetchResolver prefetch;
    private final GenomicObservations observations;
    private final MedicationReader medications;
    private final PgxEngine engine;
    private final CardFactory cards;
    private final PatientViewCards patientView;
    private final FeedbackStore store;
    private final UnreadResultsCard unread;
    private final KnowledgeInfo knowledge;
    private final RequestExtensions extensions;
    /** {@code pgx.cards.include-normal}: standard-dose advice is carded at order time too. */
    private final boolean includeNormal;
    private final ZoneId zone = ZoneId.of("Europe/Oslo");
    private final PureCache<AssessmentRequest, Assessment> answers = new PureCache<>(ANSWER_CACHE_SIZE);

    public HookService(CdsServiceCatalog catalog, PrefetchResolver prefetch, GenomicObservations observations,
            MedicationReader medications, PgxEngine engine, CardFactory cards, PatientViewCards patientView,
            FeedbackStore store, UnreadResultsCard unread, KnowledgeInfo knowledge, RequestExtensions extensions,
            no.pgx.cds.system.CdsProperties properties) {
        this.catalog = catalog;
        this.prefetch = prefetch;
        this.observations = observations;
        this.medications = medications;
        this.engine = engine;
        this.cards = cards;
        this.patientView = patientView;
        this.store = store;
        this.unread = unread;
        this.knowledge = knowledge;
        this.extensions = extensions;
        this.includeNormal = properties.cards().includeNormal();
    }

    /**
     * @param service  the service (already looked up)
     * @param request  the request body
     * @param language {@code nb} or {@code en}
     * @return the response, never null
     * @throws CdsRequestException                            for client mistakes (4xx)
     * @throws no.pgx.cds.fhir.PrefetchUnavailableException when required data cannot be had (412)
     */
    public HookResponse call(CdsService service, HookRequest request, String language) {
        validate(service, request);
        RequestIdFilter.useHookInstance(request.hookInstance());
        HookContext context = HookContext.read(service, request.context());
        RequestExtensions.PatientGroups given = extensions.read(request.extension());
        ResolvedPrefetch data = prefetch.resolve(service, request);
        JsonNode patient = data.resource(CdsServiceCatalog.PATIENT).orElse(null);
        checkPatient(patient, context.patientId());
        RequestExtensions.PatientGroups groups = extensions.withPatient(given, patient);
        LocalDate today = LocalDate.now(zone);
        Integer age = PatientFacts.ageYears(patient, today);
        GeneticResults genetics = genetics(data, context.patientId());
        Map<String, JsonNode> medicationIndex = medicationIndex(data, context);
        List<MedicationLine> current = currentMedications(data, medicationIndex, context.patientId());
        List<Card> result = service.isOrderHook()
                ? orderCards(service, context, genetics, current, medicationIndex, patient, today,
                        patientContext(data, context, groups), language)
                : patientViewCards(genetics, current, age, groups, language);
        store.recordIssued(service.id(), request.hookInstance(), result);
        return new HookResponse(result, knowledge.responseExtension());
    }

    /** Looks up a service by id; 404 naming the id when it is not hosted here. */
    public CdsService service(String id) {
        return catalog.find(id).orElseThrow(() -> new CdsRequestException(HttpStatus.NOT_FOUND, "id",
                "No CDS service with id '" + printable(id) + "' (see GET /cds-services)"));
    }

    private static void validate(CdsService service, HookRequest request) {
        if (request == null) {
            throw CdsRequestException.badRequest(null, "The request body is required");
        }
        if (request.hook() == null || request.hook().isBlank()) {
            throw CdsRequestException.badRequest("hook", "hook is required");
        }
        if (!service.hook().equals(request.hook())) {
            throw CdsRequestException.badRequest("hook", "hook '" + printable(request.hook()) + "' does not match "
                    + "service '" + service.id() + "', which serves '" + service.hook() + "'");
        }
        if (request.hookInstance() == null || request.hookInstance().isBlank()) {
            throw CdsRequestException.badRequest("hookInstance", "hookInstance is required");
        }
        if (request.fhirAuthorization() != null) {
            if (request.fhirServer() == null || request.fhirServer().isBlank()) {
                throw CdsRequestException.badRequest("fhirServer", "fhirServer is required when fhirAuthorization is given");
            }
            if (request.fhirAuthorization().accessToken() == null || request.fhirAuthorization().accessToken().isBlank()) {
                throw CdsRequestException.badRequest("fhirAuthorization.access_token",
                        "fhirAuthorization.access_token is required");
            }
        }
        if (request.fhirServer() != null && !HTTP_URL.matcher(request.fhirServer()).matches()) {
            throw CdsRequestException.badRequest("fhirServer", "fhirServer must be an http(s) URL");
        }
    }

    private static void checkPatient(JsonNode patient, String patientId) {
        if (patient == null) {
            return;
        }
        String type = patient.path("resourceType").stringValue(null);
        String id = patient.path("id").stringValue(null);
        if (!"Patient".equals(type) || id != null && !id.equals(patientId)) {
            throw CdsRequestException.badRequest("prefetch." + CdsServiceCatalog.PATIENT,
                    "prefetch.patient must be the Patient resource of context.patientId");
        }
    }

    private GeneticResults genetics(ResolvedPrefetch data, String patientId) {
        List<PgxResults.Entry> found = data.results(CdsServiceCatalog.PGX_RESULTS, GENOMIC_TYPES);
        for (PgxResults.Entry e : found) {
            e.requireSamePatient("prefetch." + CdsServiceCatalog.PGX_RESULTS, patientId);
        }
        if (found.isEmpty()) {
            return GeneticResults.NONE;
        }
        GeneticResults results = observations.read(found, patientId);
        logReading(results);
        return results;
    }

    private List<Card> orderCards(CdsService service, HookContext context, GeneticResults genetics,
            List<MedicationLine> current, Map<String, JsonNode> medicationIndex, JsonNode patientResource,
            LocalDate today, PatientContext patient, String language) {
        Integer age = PatientFacts.ageYears(patientResource, today);
        List<MedicationLine> drafts = new ArrayList<>();
        int without = 0;
        List<JsonNode> orders = ResolvedPrefetch.resources(context.draftOrders(), "MedicationRequest");
        for (int i = 0; i < orders.size(); i++) {
            JsonNode order = orders.get(i);
            PatientFacts.requireSamePatient(order, "context.draftOrders", context.patientId());
            JsonNode id = order.get("id");
            if (id != null && !(id.isString() && FhirIds.isId(id.stringValue()))) {
                // Draft ids are copied into suggestion actions (resourceId, descriptions): FHIR ids only.
                throw CdsRequestException.badRequest("context.draftOrders.entry[" + i + "].resource.id",
                        "context.draftOrders: MedicationRequest id must be a FHIR id (letters, digits, '-' and '.', "
                                + "at most 64)");
            }
            if (!hasMedication(order)) {
                without++;
            }
            drafts.add(medications.read(order, medicationIndex));
        }
        if (without > 0) {
            LOG.info("{} of {} draft order(s) name no medication (empty draft): no card for them", without,
                    orders.size());
        }
        List<MedicationLine> targets = CdsService.ORDER_SELECT.equals(service.hook())
                ? selected(context, drafts) : drafts;
        Set<String> currentSubstances = new LinkedHashSet<>();
        current.forEach(m -> currentSubstances.addAll(m.substances()));
        Map<String, List<MedicationLine>> bySubstance = new LinkedHashMap<>();
        int unknown = 0;
        for (MedicationLine t : targets) {
            if (!t.match().isResolved() && !t.match().isAmbiguous() && hasMedication(t.resource())) {
                unknown++;
            }
            t.substances().forEach(s -> bySubstance.computeIfAbsent(s, k -> new ArrayList<>()).add(t));
        }
        if (unknown > 0) {
            // Most drugs have no PGx guideline: this is expected, not an error. No drug names in the log.
            LOG.info("{} of {} draft order(s) not in the PGx drug catalog: no card for them", unknown, targets.size());
        }
        Map<String, LocalDate> started = startDates(current);
        List<DrugAssessment> assessments = new ArrayList<>();
        for (Map.Entry<String, List<MedicationLine>> e : bySubstance.entrySet()) {
            Set<String> comedication = new LinkedHashSet<>(currentSubstances);
            drafts.stream().filter(d -> !e.getValue().contains(d)).forEach(d -> d.substances().stream()
                    .filter(s -> !s.equals(e.getKey())).forEach(comedication::add));
            JsonNode order = e.getValue().get(0).resource();
            // a combination product goes to the engine as the product, so that advice a guideline gives for the
            // substance alone is not given on it (clinical/advice-scope.csv, as the engine does for a product name)
            DrugMatch product = e.getValue().get(0).match();
            String drug = product.otherIngredients().isEmpty() || product.code().isBlank() ? e.getKey()
                    : product.code();
            // the order's date (authoredOn, never later than today) dates the therapy already taken, and the age
            LocalDate orderDate = ClinicalContext.orderDate(order, today);
            AssessmentRequest.Builder request = AssessmentRequest.builder().results(genetics.inputs())
                    .order(new DrugOrder(drug, ClinicalContext.indication(order), ClinicalContext.route(order)))
                    .ageYears(PatientFacts.ageYears(patientResource, orderDate)).weightKg(patient.weightKg())
                    .conditions(patient.conditions()).population(patient.groups().population())
                    .orderDate(orderDate).includeNormal(includeNormal);
            patient.groups().ancestry().forEach(request::ancestry);
            for (String m : comedication) {
                request.medication(m, started.get(m));
            }
            // the patient's combination products by name too (an ivacaftor order completing a Kaftrio regimen)
            current.stream().map(MedicationLine::match).filter(x -> !x.otherIngredients().isEmpty()
                    && !x.code().isBlank()).forEach(x -> request.medication(x.code()));
            Assessment a = assess(request.build());
            logProblems("assessment", a.problems());
            assessments.add(new DrugAssessment(e.getKey(), e.getValue(), a));
            if (assessments.size() == 1) {
                logUncertainResults(a);
            }
        }
        List<Problem> geneProblems = geneProblems(genetics, assessments.stream().map(DrugAssessment::assessment)
                .toList());
        List<Card> out = new ArrayList<>(cards.orderCards(assessments, context.patientId(), true,
                engine.knowledgeVersion(), language, geneProblems));
        if (!assessments.isEmpty() && genetics.resources() > 0) {
            if (genetics.nothingRead()) {
                out.add(unread.card(genetics.problems(), genetics.notes(), true, language));
            } else {
                List<Problem> left = notShown(assessments, geneProblems, age);
                if (!left.isEmpty()) {
                    out.add(unread.card(left, List.of(), false, language));
                }
            }
        }
        return out;
    }

    /**
     * The problems about one gene's result on file: the result reader's, and the engine's about a result it was
     * given (a diplotype it cannot parse), the latter named by the Observation it came from. Without duplicates.
     */
    static List<Problem> geneProblems(GeneticResults genetics, List<Assessment> assessments) {
        Set<Problem> out = new LinkedHashSet<>();
        genetics.problems().stream().filter(p -> p.gene() != null).forEach(out::add);
        Map<String, GeneInput> onFile = new HashMap<>();
        genetics.inputs().forEach(i -> onFile.putIfAbsent(i.gene().toUpperCase(Locale.ROOT), i));
        for (Assessment a : assessments) {
            for (Problem p : a.problems()) {
                GeneInput input = p.gene() == null ? null : onFile.get(p.gene().toUpperCase(Locale.ROOT));
                if (input == null) {
                    continue;
                }
                String source = input.provenance() == null ? null : input.provenance().sourceId();
                out.add(source == null || p.message().contains(source) ? p
                        : new Problem(p.gene(), p.field(), "Observation " + source + ": " + p.message()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The gene problems no card shows although an assessed drug's guidance uses the gene (conflicting CYP2C19 results
     * make the gene indeterminate, so clopidogrel gets no card; an unreadable CYP2C19 result leaves it untested).
     */
    private List<Problem> notShown(List<DrugAssessment> assessments, List<Problem> geneProblems, Integer age) {
        if (geneProblems.isEmpty()) {
            return List.of();
        }
        Set<String> onCards = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        for (DrugAssessment a : assessments) {
            for (Finding f : a.assessment().findings()) {
                used.addAll(upper(CardDetail.genes(List.of(f))));
            }
            for (DrugAdvice advice : a.assessment().advice()) {
                if (cards.shown(advice)) {
                    onCards.addAll(upper(CardDetail.genes(advice.findings())));
                }
            }
        }
        Set<String> unknown = new LinkedHashSet<>(upper(geneProblems.stream().map(Problem::gene).toList()));
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            for (DrugAssessment a : assessments) {
                used.addAll(genesUsedBy(a.drug(), unknown, age));
            }
        }
        return geneProblems.stream().filter(p -> {
            String gene = p.gene().toUpperCase(Locale.ROOT);
            return used.contains(gene) && !onCards.contains(gene);
        }).toList();
    }

    /**
     * Which of some genes a drug's guidance uses, asked of the knowledge through the engine's public API: given each
     * gene's result as indeterminate, the engine gives findings keyed on exactly the genes the drug's guidance uses.
     */
    private Set<String> genesUsedBy(String drug, Set<String> genes, Integer age) {
        List<GeneInput> indeterminate = genes.stream().map(g -> GeneInput.phenotype(g, "Indeterminate")).toList();
        Assessment probe = assess(AssessmentRequest.builder().results(indeterminate).drug(drug).ageYears(age).build());
        Set<String> used = new LinkedHashSet<>();
        probe.findings().forEach(f -> used.addAll(upper(CardDetail.genes(List.of(f)))));
        used.retainAll(genes);
        return used;
    }

    private static Set<String> upper(java.util.Collection<String> genes) {
        Set<String> out = new LinkedHashSet<>();
        genes.forEach(g -> out.add(g.toUpperCase(Locale.ROOT)));
        return out;
    }

    private List<Card> patientViewCards(GeneticResults genetics, List<MedicationLine> current, Integer age,
            RequestExtensions.PatientGroups groups, String language) {
        List<String> substances = new ArrayList<>(new LinkedHashSet<>(current.stream()
                .flatMap(m -> m.substances().stream()).toList()));
        if (genetics.nothingRead()) {
            return List.of(unread.card(genetics.problems(), genetics.notes(), true, language));
        }
        if (genetics.inputs().isEmpty()) {
            return List.of();
        }
        AssessmentRequest.Builder request = AssessmentRequest.builder().results(genetics.inputs()).drugs(substances)
                .medications(substances).ageYears(age).population(groups.population());
        groups.ancestry().forEach(request::ancestry);
        Assessment a = assess(request.build());
        logProblems("assessment", a.problems());
        logUncertainResults(a);
        List<Card> out = new ArrayList<>(2);
        patientView.card(a, language).ifPresent(out::add);
        // The overview says everything that could not be used.
        Set<Problem> problems = new LinkedHashSet<>(genetics.problems());
        problems.addAll(geneProblems(genetics, List.of(a)));
        if (!problems.isEmpty()) {
            out.add(unread.card(List.copyOf(problems), List.of(), false, language));
        }
        return out;
    }

    private Assessment assess(AssessmentRequest request) {
        return answers.get(request, engine::assess);
    }

    private static List<MedicationLine> selected(HookContext context, List<MedicationLine> drafts) {
        Set<String> known = new LinkedHashSet<>();
        Map<String, String> byId = new HashMap<>();
        for (JsonNode entry : ResolvedPrefetch.entries(context.draftOrders())) {
            JsonNode r = entry.path("resource");
            String type = r.path("resourceType").stringValue(null);
            String id = r.path("id").stringValue(null);
            if (type != null && id != null) {
                known.add(type + "/" + id);
                byId.putIfAbsent(id, type + "/" + id);
            }
        }
        Set<String> wanted = new LinkedHashSet<>();
        List<String> selections = context.selections();
        for (int i = 0; i < selections.size(); i++) {
            String s = selections.get(i);
            String ref = known.contains(s) ? s : byId.get(s.substring(s.lastIndexOf('/') + 1));
            if (ref == null || s.contains("/") && !ref.equals(s)) {
                throw CdsRequestException.badRequest("context.selections[" + i + "]",
                        "context.selections[" + i + "] does not reference a resource in context.draftOrders");
            }
            wanted.add(ref);
        }
        return drafts.stream().filter(d -> d.reference() != null && wanted.contains(d.reference())).toList();
    }

    /**
     * What the optional prefetch keys say about the patient: conditions and body weight (null when not known), and the
     * ancestry groups and population the client gave ({@link RequestExtensions}).
     */
    record PatientContext(List<String> conditions, Double weightKg, RequestExtensions.PatientGroups groups) {
    }

    private static PatientContext patientContext(ResolvedPrefetch data, HookContext context,
            RequestExtensions.PatientGroups groups) {
        List<JsonNode> conditions = new ArrayList<>();
        for (JsonNode r : data.resources(CdsServiceCatalog.CONDITIONS, "Condition")) {
            PatientFacts.requireSamePatient(r, "prefetch." + CdsServiceCatalog.CONDITIONS, context.patientId());
            conditions.add(r);
        }
        List<JsonNode> weights = new ArrayList<>();
        for (JsonNode r : data.resources(CdsServiceCatalog.BODY_WEIGHT, "Observation")) {
            PatientFacts.requireSamePatient(r, "prefetch." + CdsServiceCatalog.BODY_WEIGHT, context.patientId());
            weights.add(r);
        }
        // No Condition on file is not "no history": the engine then treats the history as unknown.
        List<String> codes = ClinicalContext.conditions(conditions);
        return new PatientContext(codes.isEmpty() ? null : codes, ClinicalContext.weightKg(weights), groups);
    }

    /** The earliest start date on file of each substance the patient already takes. */
    private static Map<String, LocalDate> startDates(List<MedicationLine> current) {
        Map<String, LocalDate> out = new HashMap<>();
        for (MedicationLine m : current) {
            LocalDate d = ClinicalContext.startDate(m.resource());
            if (d != null) {
                m.substances().forEach(s -> out.merge(s, d, (a, b) -> a.isBefore(b) ? a : b));
            }
        }
        return out;
    }

    private List<MedicationLine> currentMedications(ResolvedPrefetch data, Map<String, JsonNode> index,
            String patientId) {
        List<MedicationLine> out = new ArrayList<>();
        for (JsonNode r : data.resources(CdsServiceCatalog.ACTIVE_MEDICATIONS, "MedicationRequest")) {
            if (isCurrent(r, Set.of("active"))) {
                PatientFacts.requireSamePatient(r, "prefetch." + CdsServiceCatalog.ACTIVE_MEDICATIONS, patientId);
                out.add(medications.read(r, index));
            }
        }
        for (JsonNode r : data.resources(CdsServiceCatalog.MEDICATION_STATEMENTS, "MedicationStatement")) {
            if (isCurrent(r, Set.of("active", "intended"))) {
                PatientFacts.requireSamePatient(r, "prefetch." + CdsServiceCatalog.MEDICATION_STATEMENTS, patientId);
                out.add(medications.read(r, index));
            }
        }
        return out;
    }

    /** A resource without status counts as current: the query asked for active ones. */
    private static boolean isCurrent(JsonNode resource, Set<String> statuses) {
        String status = resource.path("status").stringValue(null);
        return status == null || statuses.contains(status);
    }

    /** Medication resources by reference, from the searchset Bundles and the draftOrders Bundle. */
    private static Map<String, JsonNode> medicationIndex(ResolvedPrefetch data, HookContext context) {
        Map<String, JsonNode> index = new HashMap<>();
        List<JsonNode> bundles = new ArrayList<>();
        data.resource(CdsServiceCatalog.ACTIVE_MEDICATIONS).ifPresent(bundles::add);
        data.resource(CdsServiceCatalog.MEDICATION_STATEMENTS).ifPresent(bundles::add);
        if (context.draftOrders() != null) {
            bundles.add(context.draftOrders());
        }
        for (JsonNode bundle : bundles) {
            for (JsonNode entry : ResolvedPrefetch.entries(bundle)) {
                JsonNode r = entry.path("resource");
                if ("Medication".equals(r.path("resourceType").stringValue(null))) {
                    String id = r.path("id").stringValue(null);
                    if (id != null) {
                        index.put("Medication/" + id, r);
                    }
                    String fullUrl = entry.path("fullUrl").stringValue(null);
                    if (fullUrl != null) {
                        index.put(fullUrl, r);
                    }
                }
            }
        }
        return index;
    }

    /** @return true when a medication order or statement names its medication in any FHIR version's way */
    private static boolean hasMedication(JsonNode resource) {
        for (String field : List.of("medicationCodeableConcept", "medicationReference", "medication")) {
            JsonNode v = resource.get(field);
            if (v != null && v.isObject() && !v.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the result reader did, in counts by field only: its messages name resource ids and quote lab values.
     * Problems at INFO, notes (deliberately not read) at DEBUG.
     */
    private static void logReading(GeneticResults r) {
        if (!r.problems().isEmpty() || r.inputs().isEmpty()) {
            LOG.info("PGx results: {} resource(s), {} gene result(s) read; problems by field {}; notes by field {}",
                    r.resources(), r.inputs().size(), byField(r.problems()), byField(r.notes()));
        } else if (!r.notes().isEmpty()) {
            LOG.debug("PGx results: {} resource(s), {} gene result(s) read; notes by field {}", r.resources(),
                    r.inputs().size(), byField(r.notes()));
        }
    }

    private static Map<String, Integer> byField(List<Problem> problems) {
        Map<String, Integer> counts = new TreeMap<>();
        problems.forEach(p -> counts.merge(p.field() == null ? "-" : p.field(), 1, Integer::sum));
        return counts;
    }

    /** Problems are logged by field and gene only: their messages may quote genotypes. */
    private static void logProblems(String stage, List<Problem> problems) {
        for (Problem p : problems) {
            LOG.info("Unusable input ({}): field={}, gene={}", stage, p.field(), p.gene());
        }
    }

    /** Indeterminate results and results with warnings, by gene and count only (the warnings quote alleles). */
    private static void logUncertainResults(Assessment a) {
        for (no.pgx.engine.GeneResult r : a.results()) {
            if (r.state() == no.pgx.engine.ResultState.INDETERMINATE || !r.warnings().isEmpty()) {
                LOG.info("Gene result needs attention: gene={}, state={}, warnings={}", r.gene(), r.state(),
                        r.warnings().size());
            }
        }
    }

    /** Client text for messages: printable ASCII, at most 64 characters. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String p = s.replaceAll("[^A-Za-z0-9._:/-]", "?");
        return p.length() > 64 ? p.substring(0, 64) + "…" : p;
    }
}
