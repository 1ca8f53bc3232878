package no.pgx.cds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import no.pgx.cds.system.StartupWarmUp;

/**
 * The PGx CDS Hooks 2.0 service: discovery, {@code order-select}, {@code order-sign} and {@code patient-view} services,
 * feedback, client JWT checking, health and metrics. Packages by feature: {@code discovery}, {@code hooks},
 * {@code feedback}, {@code fhir} (prefetch and fallback fetch), {@code security}, {@code system}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CdsServiceApplication {
    public static void main(String[] args) {
        // Engine, drug catalog and FHIR context need nothing from Spring: build them while the context starts.
        StartupWarmUp.start(CdsServiceApplication.class.getClassLoader());
        SpringApplication.run(CdsServiceApplication.class, args);
    }
}
