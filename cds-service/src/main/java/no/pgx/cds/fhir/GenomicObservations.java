package no.pgx.cds.fhir;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import no.pgx.cds.system.ContentDigest;
import no.pgx.cds.system.PureCache;
import no.pgx.engine.fhir.FhirResults;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the patient's PGx Observations and DiagnosticReports into engine inputs with the engine's FHIR adapter
 * ({@link FhirResults}), which knows the Genomics Reporting shapes, combines several results per gene by a stated rule,
 * reads the results contained in a report and reports those it lists but were not sent, and reports everything it did
 * not read ({@link GeneticResults#problems()}, {@link GeneticResults#notes()}).
 *
 * <p>Only the patient in context is read ({@link FhirResults#fromJson(String, String)} with {@code Patient/<id>}):
 * Observations of another subject are never merged with theirs, they are left out and listed in the notes.
 *
 * <p>Reading is a pure function of the resources and the patient, and an EHR sends the same lab panel with every call
 * for a patient, so results are cached by the SHA-256 of the patient id and the entries' JSON trees
 * ({@link ContentDigest}, bounded): a repeated panel is neither written back to JSON text nor parsed with HAPI FHIR
 * again. Thread-safe.
 */
@Component
public class GenomicObservations {
    private static final int CACHE_SIZE = 2_048;

    private final JsonMapper json;
    private final PureCache<String, GeneticResults> cache = new PureCache<>(CACHE_SIZE);

    public GenomicObservations(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param entries   Bundle entries ({@code fullUrl} and {@code resource}) holding the patient's Observations and
     *                  DiagnosticReports (already checked not to name another patient where that can be told)
     * @param patientId the patient in context
     * @return the gene inputs, problems and notes; never null
     */
    public GeneticResults read(List<JsonNode> entries, String patientId) {
        if (entries.isEmpty()) {
            return GeneticResults.NONE;
        }
        List<JsonNode> key = new ArrayList<>(entries.size() + 1);
        key.add(JsonNodeFactory.instance.stringNode(patientId));
        key.addAll(entries);
        return cache.get(ContentDigest.of(key), k -> {
            FhirResults results = FhirResults.fromJson(bundleText(entries), "Patient/" + patientId);
            return new GeneticResults(results.results(), results.problems(), results.notes(), entries.size());
        });
    }

    /** The entries as the text of a collection Bundle, the input of the engine's FHIR adapter. */
    private String bundleText(List<JsonNode> entries) {
        ObjectNode bundle = JsonNodeFactory.instance.objectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        ArrayNode out = bundle.putArray("entry");
        entries.forEach(out::add);
        return json.writeValueAsString(bundle);
    }
}
