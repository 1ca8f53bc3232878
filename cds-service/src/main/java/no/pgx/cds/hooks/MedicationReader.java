package no.pgx.cds.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import no.pgx.cds.system.PureCache;
import no.pgx.terminology.drug.Coding;
import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.drug.DrugMatch;
import tools.jackson.databind.JsonNode;

/**
 * Reads the medication of a MedicationRequest or MedicationStatement and resolves it with the drug catalog.
 *
 * <p>Tolerates what real clients send: RxNorm-only codings, a single {@code coding} object instead of an array,
 * {@code medicationReference} to a contained Medication ({@code #med1}) or to a Medication in the same Bundle, and
 * the R5 {@code medication.concept}/{@code medication.reference} shape.
 *
 * <p>Catalog resolution is a pure function of the codings and texts, and the same drugs come back in call after
 * call, so its results are cached (bounded). Thread-safe.
 */
@Component
public class MedicationReader {
    private static final int CACHE_SIZE = 4_096;

    private final DrugCatalog catalog;
    private final PureCache<Query, DrugMatch> resolved = new PureCache<>(CACHE_SIZE);

    public MedicationReader(DrugCatalog catalog) {
        this.catalog = catalog;
    }

    /** What {@link DrugCatalog#resolve(List, String, List, String)} is asked; value equality for the cache. */
    private record Query(List<Coding> codings, String text, List<Coding> route, String routeText) {
    }

    /**
     * @param resource    a MedicationRequest or MedicationStatement
     * @param medications Medication resources available by reference ({@code Medication/1}, full URLs); may be empty
     * @return the line; its match is unresolved (with a message) when nothing could be read
     */
    public MedicationLine read(JsonNode resource, Map<String, JsonNode> medications) {
        String type = Json.text(resource, "resourceType");
        String id = Json.text(resource, "id");
        String reference = id == null || type == null ? null : type + "/" + id;
        List<Coding> codings = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        JsonNode concept = resource.get("medicationCodeableConcept");
        JsonNode ref = resource.get("medicationReference");
        JsonNode r5 = resource.get("medication");
        if (r5 != null && r5.isObject()) {
            concept = concept != null ? concept : r5.get("concept");
            ref = ref != null ? ref : r5.get("reference");
        }
        if (concept != null) {
            addConcept(concept, codings, texts);
        }
        if (ref != null && ref.isObject()) {
            JsonNode medication = medication(resource, Json.text(ref, "reference"), medications);
            if (medication != null) {
                addMedication(medication, codings, texts);
            }
            if (Json.text(ref, "display") != null) {
                texts.add(Json.text(ref, "display"));
            }
        }
        List<Coding> route = new ArrayList<>();
        List<String> routeTexts = new ArrayList<>();
        for (String field : List.of("dosageInstruction", "dosage")) {
            for (JsonNode dosage : Json.list(resource, field)) {
                JsonNode r = dosage.get("route");
                if (r != null) {
                    addConcept(r, route, routeTexts);
                }
            }
        }
        Query query = new Query(List.copyOf(codings), texts.isEmpty() ? null : String.join(" / ", texts),
                List.copyOf(route), routeTexts.isEmpty() ? null : String.join(" ", routeTexts));
        DrugMatch match = resolved.get(query, q -> catalog.resolve(q.codings(), q.text(), q.route(), q.routeText()));
        return new MedicationLine(reference, resource, match);
    }

    private static JsonNode medication(JsonNode resource, String reference, Map<String, JsonNode> medications) {
        if (reference == null) {
            return null;
        }
        if (reference.startsWith("#")) {
            String local = reference.substring(1);
            for (JsonNode contained : Json.list(resource, "contained")) {
                if ("Medication".equals(Json.text(contained, "resourceType")) && local.equals(Json.text(contained, "id"))) {
                    return contained;
                }
            }
            return null;
        }
        JsonNode found = medications.get(reference);
        if (found == null && reference.contains("/Medication/")) {
            found = medications.get(reference.substring(reference.lastIndexOf("/Medication/") + 1));
        }
        return found;
    }

    private static void addMedication(JsonNode medication, List<Coding> codings, List<String> texts) {
        JsonNode code = medication.get("code");
        if (code != null) {
            addConcept(code, codings, texts);
        }
        if (code == null || codings.isEmpty() && texts.isEmpty()) {
            for (JsonNode ingredient : Json.list(medication, "ingredient")) {
                JsonNode item = ingredient.get("itemCodeableConcept");
                if (item == null && ingredient.get("item") != null) {
                    item = ingredient.get("item").get("concept");
                }
                if (item != null) {
                    addConcept(item, codings, texts);
                }
            }
        }
    }

    private static void addConcept(JsonNode concept, List<Coding> codings, List<String> texts) {
        for (JsonNode c : Json.list(concept, "coding")) {
            String system = Json.text(c, "system");
            String code = Json.text(c, "code");
            String display = Json.text(c, "display");
            if (code != null || display != null) {
                codings.add(new Coding(system, code, display));
            }
        }
        String text = Json.text(concept, "text");
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }
}
