package no.pgx.cds.fhir;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Reads the patient's PGx Observations into engine inputs with the engine's FHIR adapter
 * ({@link FhirResults}), which knows the Genomics Reporting shapes, picks the newest result per gene and reports
 * unreadable Observations as problems.
 *
 * <p>Reading is a pure function of the Observations, and an EHR sends the same lab panel with every call for a
 * patient, so results are cached by the SHA-256 of the Observations' JSON trees ({@link ContentDigest}, bounded): a
 * repeated panel is neither written back to JSON text nor parsed with HAPI FHIR again. Thread-safe.
 */
@Component
public class GenomicObservations {
    private static final Logger LOG = LoggerFactory.getLogger(GenomicObservations.class);

    private static final int CACHE_SIZE = 2_048;

    private final JsonMapper json;
    private final PureCache<String, GeneticResults> cache = new PureCache<>(CACHE_SIZE);

    public GenomicObservations(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param observations Observation resources of the patient in context (already checked to be theirs)
     * @return the gene inputs and the problems; never null
     */
    public GeneticResults read(List<JsonNode> observations) {
        if (observations.isEmpty()) {
            return GeneticResults.NONE;
        }
        return cache.get(ContentDigest.of(observations), k -> readText(bundleText(observations)));
    }

    /** The Observations as the text of a collection Bundle, the input of the engine's FHIR adapter. */
    private String bundleText(List<JsonNode> observations) {
        ObjectNode bundle = JsonNodeFactory.instance.objectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        observations.forEach(o -> entries.addObject().set("resource", o));
        return json.writeValueAsString(bundle);
    }

    private static GeneticResults readText(String text) {
        FhirResults results = FhirResults.fromJson(text);
        if (!results.skipped().isEmpty()) {
            LOG.debug("{} Observation(s) skipped by the FHIR adapter", results.skipped().size());
        }
        return new GeneticResults(results.results(), results.problems());
    }
}
