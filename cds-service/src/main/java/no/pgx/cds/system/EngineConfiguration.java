package no.pgx.cds.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import no.pgx.engine.PgxEngine;
import no.pgx.terminology.drug.DrugCatalog;

/**
 * The engine, the drug catalog and the FHIR context as eager singletons, so that the rule base is loaded and the
 * first FHIR parse (about a second) is paid before the port opens: the first clinical request is as fast as the
 * rest. The work itself runs in {@link StartupWarmUp}, started by {@code main()} before the Spring context so that
 * it overlaps with it; these beans wait for it.
 */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    /**
     * The engine. Rules inside the Boot executable jar are nested; the class loader is passed explicitly so that the
     * rule base is found there (docs/architecture.md#stack).
     */
    @Bean
    PgxEngine pgxEngine() {
        return StartupWarmUp.engine(getClass().getClassLoader());
    }

    /** The drug catalog used to resolve order lines (codings, product names) to substances. */
    @Bean
    DrugCatalog drugCatalog() {
        return StartupWarmUp.catalog(getClass().getClassLoader());
    }

    /**
     * The FHIR R4 context of the engine's FHIR adapter, created and warmed (the first parse costs about a second);
     * the bean is a marker that it happened before the port opened.
     */
    @Bean
    FhirReady fhirReady() {
        StartupWarmUp.fhir(getClass().getClassLoader());
        return new FhirReady();
    }

    /** Marker bean: the FHIR context is loaded. */
    public record FhirReady() {
    }
}
