package no.pgx.cds.fhir;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import no.pgx.engine.fhir.FhirResults;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the patient's PGx Observations into engine inputs with the engine's FHIR adapter
 * ({@link FhirResults}), which knows the Genomics Reporting shapes, picks the newest result per gene and reports
 * unreadable Observations as problems. Thread-safe.
 */
@Component
public class GenomicObservations {
    private static final Logger LOG = LoggerFactory.getLogger(GenomicObservations.class);

    private final JsonMapper json;

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
        FhirResults results = FhirResults.fromJson(json.writeValueAsString(bundle));
        if (!results.skipped().isEmpty()) {
            LOG.debug("{} Observation(s) skipped by the FHIR adapter", results.skipped().size());
        }
        return new GeneticResults(results.results(), results.problems());
    }
}
