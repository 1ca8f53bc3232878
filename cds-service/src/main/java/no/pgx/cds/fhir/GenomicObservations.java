package no.pgx.cds.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

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
 * <p>Reading is a pure function of the Observations' JSON text, and an EHR sends the same lab panel with every call
 * for a patient, so results are cached by the SHA-256 of that text (bounded): a repeated panel is not parsed with
 * HAPI FHIR again, which was a third of the CPU time of an order-sign call. Thread-safe.
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
        ObjectNode bundle = JsonNodeFactory.instance.objectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        observations.forEach(o -> entries.addObject().set("resource", o));
        String text = json.writeValueAsString(bundle);
        return cache.get(sha256(text), k -> readText(text));
    }

    private static GeneticResults readText(String text) {
        FhirResults results = FhirResults.fromJson(text);
        if (!results.skipped().isEmpty()) {
            LOG.debug("{} Observation(s) skipped by the FHIR adapter", results.skipped().size());
        }
        return new GeneticResults(results.results(), results.problems());
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
