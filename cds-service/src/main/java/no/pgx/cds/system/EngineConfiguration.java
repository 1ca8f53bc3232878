package no.pgx.cds.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.fhir.FhirResults;
import no.pgx.terminology.drug.DrugCatalog;

/**
 * Builds the engine, the drug catalog and the FHIR context eagerly, as singletons, so that the rule base is loaded and
 * the first FHIR parse (about a second) is paid before the port opens: the first clinical request is as fast as
 * the rest.
 */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EngineConfiguration.class);

    /** A synthetic Observation used only to warm the parser; it describes no one. */
    private static final String WARM_UP_OBSERVATION = """
            {"resourceType":"Observation","id":"warm-up","status":"final",
             "code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},
             "valueCodeableConcept":{"text":"warm-up"}}""";

    /**
     * The engine. Rules inside the Boot executable jar are nested; the class loader is passed explicitly so that the
     * rule base is found there (ARCHITECTURE.md, "Stack").
     */
    @Bean
    PgxEngine pgxEngine() {
        long start = System.nanoTime();
        PgxEngine engine = PgxEngine.builder().classLoader(getClass().getClassLoader()).build();
        try {
            engine.assess(AssessmentRequest.builder().result(GeneInput.phenotype("CYP2C19", "Normal Metabolizer"))
                    .drug("clopidogrel").build());
        } catch (RuntimeException e) {
            LOG.warn("Engine warm-up assessment failed: {}", e.getMessage());
        }
        LOG.info("PGx engine ready in {} ms (knowledge {})", (System.nanoTime() - start) / 1_000_000,
                engine.knowledgeVersion());
        return engine;
    }

    /** The drug catalog used to resolve order lines (codings, product names) to substances. */
    @Bean
    DrugCatalog drugCatalog() {
        DrugCatalog catalog = DrugCatalog.loadDefault();
        LOG.info("Drug catalog ready (version {})", catalog.version());
        return catalog;
    }

    /**
     * The FHIR R4 context of the engine's FHIR adapter, created and warmed now (the first parse costs about a
     * second); the bean is a marker that it happened before the port opened.
     */
    @Bean
    FhirReady fhirReady() {
        long start = System.nanoTime();
        FhirResults.warmUp();
        FhirResults.fromJson(WARM_UP_OBSERVATION);
        LOG.info("FHIR context ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        return new FhirReady();
    }

    /** Marker bean: the FHIR context is loaded. */
    public record FhirReady() {
    }
}
