package no.pgx.cds.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import no.pgx.engine.Action;
import no.pgx.engine.CheckedAlternative;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Finding;
import no.pgx.engine.Population;
import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.drug.DrugConcept;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the suggestions of an order card from the findings of one drug:
 * <ul>
 *   <li>avoid / consider an alternative, with named alternatives: one suggestion per alternative that updates the
 *       draft order to the alternative (ATC and RxNorm codes where the catalog has them, the client's code system
 *       first) and deletes other drafts of the drug, labelled with the population the alternative is named for;</li>
 *   <li>avoid / consider an alternative without a named alternative: a suggestion that deletes the draft;</li>
 *   <li>reduce / increase the dose: an update of the draft that adds a note with the percentage;</li>
 *   <li>test required: a draft ServiceRequest for the genotype test.</li>
 * </ul>
 * Only drafts with an id can be the target of a delete or update. Thread-safe.
 */
@Component
public class SuggestionFactory {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DrugCatalog catalog;
    private final CardTexts texts;

    public SuggestionFactory(DrugCatalog catalog, CardTexts texts) {
        this.catalog = catalog;
        this.texts = texts;
    }

    /**
     * @param drug      the drug of the card
     * @param findings  the card's findings, lead first
     * @param orders    the draft orders of the drug
     * @param patientId patient in context (subject of created resources when the draft has none)
     * @param reason    short reason for notes ("CYP2C19 poor metabolizer")
     * @param language  {@code nb} or {@code en}
     * @return suggestions, possibly empty
     */
    public List<Suggestion> suggestions(String drug, List<Finding> findings, List<MedicationLine> orders,
            String patientId, String reason, String language) {
        List<MedicationLine> targets = orders.stream().filter(o -> o.reference() != null).toList();
        if (targets.isEmpty() || findings.isEmpty()) {
            return List.of();
        }
        String drugName = name(drug, language);
        List<Suggestion> out = new ArrayList<>();
        Map<String, Set<String>> alternatives = alternatives(findings, language);
        boolean replace = findings.stream().anyMatch(f -> f.action() == Action.AVOID
                || f.action() == Action.CONSIDER_ALTERNATIVE);
        for (Map.Entry<String, Set<String>> alt : alternatives.entrySet()) {
            out.add(replace(drugName, alt.getKey(), alt.getValue(), targets, patientId, reason, language));
        }
        if (replace && alternatives.isEmpty()) {
            out.add(new Suggestion(texts.get(language, "suggestion.remove", drugName), uuid(), null,
                    deletes(targets, language)));
        }
        findings.stream().filter(f -> f.action() == Action.REDUCE_DOSE || f.action() == Action.INCREASE_DOSE)
                .findFirst().ifPresent(f -> out.add(dose(f, drugName, targets, reason, language)));
        findings.stream().filter(SuggestionFactory::genotypingTest).findFirst()
                .ifPresent(f -> out.add(test(f, drugName, targets.get(0), patientId, language)));
        return out;
    }

    /**
     * The suggestions of a card for the engine's advice on one drug. Only what the engine checked and marked one-click
     * is offered: an alternative that passed every check ({@link CheckedAlternative#oneClick()}) replaces the draft
     * it replaces; a dose change that is not conditional updates the draft with a note; a required test that is not
     * conditional creates a draft ServiceRequest. Conditional advice, alternatives with a caution and advice about a
     * drug the patient already takes that no draft order can change get no suggestion: the card says it in words.
     *
     * @param advice    the engine's advice
     * @param ordered   the assessment of the ordered substance whose draft orders the suggestions change
     * @param patientId patient in context
     * @param language  {@code nb} or {@code en}
     * @return suggestions, possibly empty
     */
    public List<Suggestion> forAdvice(DrugAdvice advice, DrugAssessment ordered, String patientId, String language) {
        List<MedicationLine> targets = ordered.orders().stream().filter(o -> o.reference() != null).toList();
        if (targets.isEmpty() || advice.conditional()) {
            return List.of();
        }
        String orderedDrug = ordered.drug();
        String orderedName = name(orderedDrug, language);
        String reason = advice.findings().isEmpty() ? "" : reason(advice, language);
        List<Suggestion> out = new ArrayList<>();
        for (CheckedAlternative alt : advice.oneClickAlternatives()) {
            String replaces = alt.replaces() == null ? advice.drug() : alt.replaces();
            if (!replaces.equalsIgnoreCase(orderedDrug)) {
                continue;  // it would replace a drug no draft order here contains
            }
            Set<String> scope = alt.scope() == null ? Set.of() : Set.of(alt.scope().in(language));
            out.add(replace(orderedName, alt.drug(), scope, targets, patientId, reason, language));
        }
        if (advice.drug().equalsIgnoreCase(orderedDrug)) {
            if (advice.oneClickDose() && (advice.action() == Action.REDUCE_DOSE
                    || advice.action() == Action.INCREASE_DOSE)) {
                advice.findings().stream().filter(f -> f.action() == advice.action()).findFirst()
                        .ifPresent(f -> out.add(dose(f, orderedName, targets, reason, language)));
            }
            if (advice.action() == Action.TEST_REQUIRED) {
                advice.findings().stream().filter(SuggestionFactory::genotypingTest).findFirst()
                        .ifPresent(f -> out.add(test(f, orderedName, targets.get(0), patientId, language)));
            }
        }
        return out;
    }

    /** "CYP2C19 poor metabolizer" for notes, from the advice's lead finding. */
    private String reason(DrugAdvice advice, String language) {
        Finding f = advice.findings().get(0);
        List<String> parts = new ArrayList<>();
        (f.phenotypes().isEmpty() ? f.lookupKey() : f.phenotypes()).forEach((gene, value) -> parts.add(gene + " "
                + value));
        return String.join(", ", parts);
    }

    /**
     * Replaces the drug by an alternative the way CDS Hooks 2.0 changes a draft order: the suggestion's first action
     * is an {@code update} of the (first) draft order itself, with the alternative as its medication and the code
     * system the client used first among the codings (clients such as the CDS Hooks Sandbox apply only the first
     * action and read only the first coding). Other draft orders of the same drug are deleted by the actions after it.
     * The dose and schedule of the old drug are removed: the prescriber chooses them for the new one.
     */
    private Suggestion replace(String drugName, String alternative, Set<String> populations,
            List<MedicationLine> targets, String patientId, String reason, String language) {
        String altName = name(alternative, language);
        String label = populations.isEmpty()
                ? texts.get(language, "suggestion.replace", drugName, altName)
                : texts.get(language, "suggestion.replace.population", drugName, altName, String.join("; ", populations));
        MedicationLine first = targets.get(0);
        ObjectNode order = first.resource().deepCopy().asObject();
        for (String field : List.of("medicationCodeableConcept", "medicationReference", "medication",
                "dosageInstruction", "dispenseRequest", "contained", "note")) {
            order.remove(field);
        }
        order.put("status", "draft");
        if (!order.has("intent")) {
            order.put("intent", "order");
        }
        if (!order.has("subject")) {
            order.putObject("subject").put("reference", "Patient/" + patientId);
        }
        order.set("medicationCodeableConcept", concept(alternative, altName, clientSystem(first.resource())));
        note(order, texts.get(language, "note.replacement", drugName, reason));
        List<SuggestionAction> actions = new ArrayList<>();
        actions.add(SuggestionAction.update(texts.get(language, "actionText.replace", first.reference(), altName),
                order));
        actions.addAll(deletes(targets.subList(1, targets.size()), language));
        return new Suggestion(label, uuid(), null, actions);
    }

    /** The code system of the first coding the client sent for its draft order, or null. */
    static String clientSystem(JsonNode draft) {
        JsonNode concept = draft.get("medicationCodeableConcept");
        if (concept == null && draft.path("medication").isObject()) {
            concept = draft.get("medication").get("concept");
        }
        if (concept == null) {
            return null;
        }
        for (JsonNode coding : concept.path("coding")) {
            String system = Json.text(coding, "system");
            if (system != null) {
                return system;
            }
        }
        return null;
    }

    private Suggestion dose(Finding f, String drugName, List<MedicationLine> targets, String reason, String language) {
        String key = "suggestion.dose." + f.action().name();
        String noteKey = "note.dose." + f.action().name();
        String percent = f.dosePercent();
        boolean hasPercent = percent != null && !percent.isBlank();
        String label = hasPercent ? texts.get(language, key, drugName, percent)
                : texts.get(language, key + ".noPercent", drugName);
        List<SuggestionAction> actions = new ArrayList<>();
        for (MedicationLine target : targets) {
            ObjectNode updated = target.resource().deepCopy().asObject();
            note(updated, hasPercent ? texts.get(language, noteKey, drugName, reason, percent)
                    : texts.get(language, noteKey + ".noPercent", drugName, reason));
            actions.add(SuggestionAction.update(texts.get(language, "actionText.update", target.reference()), updated));
        }
        return new Suggestion(label, uuid(), null, actions);
    }

    /**
     * A test before start of a gene without a result: a genotyping order can be suggested. A test the advice asks for
     * although the genotype is on file (measure G6PD enzyme activity for a Variable result, curation/test-actions.csv)
     * is not genotyping: the card says it in words.
     */
    private static boolean genotypingTest(Finding f) {
        return f.action() == Action.TEST_REQUIRED && !f.lookupKey().isEmpty()
                && f.lookupKey().values().stream().allMatch(no.pgx.engine.GeneResult.NO_RESULT::equals);
    }

    private Suggestion test(Finding f, String drugName, MedicationLine draft, String patientId, String language) {
        String genes = String.join("/", f.lookupKey().isEmpty() ? f.phenotypes().keySet() : f.lookupKey().keySet());
        ObjectNode request = base("ServiceRequest", draft.resource(), patientId);
        request.put("intent", "order");
        ObjectNode code = request.putObject("code");
        code.put("text", texts.get(language, "test.text", genes));
        return new Suggestion(texts.get(language, "suggestion.test", genes, drugName), uuid(), null,
                List.of(SuggestionAction.create(texts.get(language, "actionText.createTest", genes), request)));
    }

    private List<SuggestionAction> deletes(List<MedicationLine> targets, String language) {
        return targets.stream()
                .map(t -> SuggestionAction.delete(texts.get(language, "actionText.delete", t.reference()), t.reference()))
                .toList();
    }

    /** Alternative → populations it is named for (empty set: named for the general population). */
    private static Map<String, Set<String>> alternatives(List<Finding> findings, String language) {
        Map<String, Set<String>> populations = new LinkedHashMap<>();
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        Set<String> general = new LinkedHashSet<>();
        Set<String> allSources = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (f.action() != Action.AVOID && f.action() != Action.CONSIDER_ALTERNATIVE) {
                continue;
            }
            String source = f.source() == null ? "" : f.source().label();
            allSources.add(source);
            String population = populationLabel(f, language);
            for (String alt : f.alternatives()) {
                String key = alt.toLowerCase(java.util.Locale.ROOT);
                sources.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(source);
                Set<String> pops = populations.computeIfAbsent(key, k -> new LinkedHashSet<>());
                if (population == null) {
                    general.add(key);
                } else {
                    pops.add(source.isEmpty() ? population : source + ": " + population);
                }
            }
        }
        // The label says whom an alternative is for: the populations when only population-specific findings name
        // it (clopidogrel: CPIC names prasugrel for ACS/PCI, not for stroke); else the source when not every source
        // names it; else nothing.
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : populations.entrySet()) {
            String key = e.getKey();
            if (!general.contains(key)) {
                out.put(key, e.getValue());
            } else if (!sources.get(key).containsAll(allSources)) {
                out.put(key, new LinkedHashSet<>(sources.get(key)));
            } else {
                out.put(key, new LinkedHashSet<>());
            }
        }
        return out;
    }

    static String populationLabel(Finding f, String language) {
        if (f.population().id().isBlank() || Population.GENERAL.equalsIgnoreCase(f.population().id())) {
            return null;
        }
        return f.populationLabel() != null ? f.populationLabel().in(language) : f.population().id();
    }

    private ObjectNode base(String type, JsonNode draft, String patientId) {
        ObjectNode r = JSON.objectNode();
        r.put("resourceType", type);
        r.put("status", "draft");
        JsonNode subject = draft.get("subject");
        if (subject != null && subject.isObject()) {
            r.set("subject", subject.deepCopy());
        } else {
            r.putObject("subject").put("reference", "Patient/" + patientId);
        }
        for (String field : List.of("encounter", "requester")) {
            JsonNode v = draft.get(field);
            if (v != null && v.isObject()) {
                r.set(field, v.deepCopy());
            }
        }
        return r;
    }

    /** A CodeableConcept for a catalog drug: ATC and RxNorm codings (the client's own system first), and text. */
    private ObjectNode concept(String drug, String displayName, String firstSystem) {
        ObjectNode concept = JSON.objectNode();
        ArrayNode codings = JSON.arrayNode();
        catalog.byId(drug).ifPresent(c -> addCodings(c, codings));
        if (firstSystem != null) {
            ArrayNode ordered = JSON.arrayNode();
            codings.forEach(c -> {
                if (firstSystem.equals(Json.text(c, "system"))) {
                    ordered.add(c);
                }
            });
            codings.forEach(c -> {
                if (!firstSystem.equals(Json.text(c, "system"))) {
                    ordered.add(c);
                }
            });
            codings.removeAll();
            codings.addAll(ordered);
        }
        if (!codings.isEmpty()) {
            concept.set("coding", codings);
        }
        concept.put("text", displayName);
        return concept;
    }

    private static void addCodings(DrugConcept c, ArrayNode codings) {
        if (!c.atcCodes().isEmpty()) {
            codings.addObject().put("system", no.pgx.terminology.drug.Coding.ATC).put("code", c.atcCodes().get(0))
                    .put("display", c.nameEn());
        }
        if (!c.rxnormIngredient().isBlank()) {
            codings.addObject().put("system", no.pgx.terminology.drug.Coding.RXNORM).put("code", c.rxnormIngredient())
                    .put("display", c.nameEn());
        }
    }

    private static void note(ObjectNode resource, String text) {
        JsonNode existing = resource.get("note");
        ArrayNode notes = JSON.arrayNode();
        if (existing != null && existing.isArray()) {
            existing.forEach(notes::add);
        } else if (existing != null && existing.isObject()) {
            notes.add(existing);
        }
        notes.addObject().put("text", text);
        resource.set("note", notes);
    }

    /** @return the drug's name in the language (Norwegian INN spelling in Bokmål), or the id */
    String name(String drug, String language) {
        return catalog.byId(drug).map(c -> {
            String n = "nb".equals(language) ? c.nameNb() : c.nameEn();
            return n == null || n.isBlank() ? c.nameEn() : n;
        }).orElse(drug);
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String v = Json.text(node, field);
        return v == null ? fallback : v;
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
