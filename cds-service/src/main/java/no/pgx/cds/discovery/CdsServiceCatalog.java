package no.pgx.cds.discovery;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The CDS Services this server hosts, with their prefetch templates.
 *
 * <p>The prefetch keys are part of the service contract with CDS clients:
 * <ul>
 *   <li>{@value #PATIENT} – the patient (age selects age-defined recommendation populations);</li>
 *   <li>{@value #PGX_RESULTS} – pharmacogenomic Observations: genotype (LOINC 84413-4) and drug-metabolism phenotype
 *       (LOINC 53040-2) results;</li>
 *   <li>{@value #ACTIVE_MEDICATIONS} – active MedicationRequests: co-medication (phenoconversion) and drugs the
 *       patient already takes (no "test before start" card for them);</li>
 *   <li>{@value #MEDICATION_STATEMENTS} – active MedicationStatements, optional, same use;</li>
 *   <li>{@value #CONDITIONS} – the patient's Conditions (ICD-10, ICPC-2 or SNOMED CT coded), optional: history that
 *       rules an alternative out (prasugrel after a stroke or TIA) or selects the recommendation population;</li>
 *   <li>{@value #BODY_WEIGHT} – the latest body weight Observation (LOINC 29463-7), optional: weight limits of
 *       alternatives (prasugrel under 60 kg).</li>
 * </ul>
 * A draft order's own {@code reasonCode} (indication), {@code dosageInstruction.route} and {@code authoredOn} (the order
 * date) and the start dates of current medication ({@code authoredOn}, {@code effective[x]}) are read from the
 * resources already sent; ancestry and population from the request's {@code extension}
 * ({@link no.pgx.cds.hooks.RequestExtensions}) and the Patient's US Core race codes.
 * Thread-safe and immutable.
 */
@Component
public class CdsServiceCatalog {
    /** Prefetch key of the patient. */
    public static final String PATIENT = "patient";
    /** Prefetch key of the PGx result Observations. */
    public static final String PGX_RESULTS = "pgxResults";
    /** Prefetch key of the active MedicationRequests. */
    public static final String ACTIVE_MEDICATIONS = "activeMedications";
    /** Prefetch key of the active MedicationStatements. */
    public static final String MEDICATION_STATEMENTS = "medicationStatements";
    /** Prefetch key of the patient's Conditions. */
    public static final String CONDITIONS = "conditions";
    /** Prefetch key of the latest body weight. */
    public static final String BODY_WEIGHT = "bodyWeight";

    private static final List<PrefetchTemplate> TEMPLATES = List.of(
            new PrefetchTemplate(PATIENT, "Patient/{{context.patientId}}", true),
            new PrefetchTemplate(PGX_RESULTS, "Observation?patient={{context.patientId}}"
                    + "&code=http://loinc.org|84413-4,http://loinc.org|53040-2", true),
            new PrefetchTemplate(ACTIVE_MEDICATIONS, "MedicationRequest?patient={{context.patientId}}&status=active",
                    true),
            new PrefetchTemplate(MEDICATION_STATEMENTS,
                    "MedicationStatement?patient={{context.patientId}}&status=active", false),
            new PrefetchTemplate(CONDITIONS, "Condition?patient={{context.patientId}}", false),
            new PrefetchTemplate(BODY_WEIGHT, "Observation?patient={{context.patientId}}&code=http://loinc.org|29463-7"
                    + "&_sort=-date&_count=1", false));

    private static final String REQUIREMENTS = "Needs the patient's pharmacogenomic results as FHIR Observations "
            + "(genotype LOINC 84413-4 or phenotype LOINC 53040-2, with the gene studied) and the active medication "
            + "list, by prefetch or through fhirServer + fhirAuthorization; without them the call is answered "
            + "412. Optional request extensions no.pgx.ancestry and no.pgx.population (described in this service's "
            + "extension no.pgx.request-extensions). Calls must carry a CDS Hooks client JWT unless the operator has "
            + "turned security off.";

    private final List<CdsService> services = List.of(
            new CdsService("pgx-order-select", CdsService.ORDER_SELECT, "Farmakogenetikk ved valg av legemiddel",
                    "Pharmacogenomic (CPIC/DPWG) advice for the medication orders just selected: avoid, alternative, "
                            + "dose change or test before start, from the patient's genotype and co-medication.",
                    REQUIREMENTS, TEMPLATES),
            new CdsService("pgx-order-sign", CdsService.ORDER_SIGN, "Farmakogenetikk ved signering",
                    "Pharmacogenomic (CPIC/DPWG) check of every draft medication order before signing, with "
                            + "suggestions to switch drug or change dose.",
                    REQUIREMENTS, TEMPLATES),
            new CdsService("pgx-patient-view", CdsService.PATIENT_VIEW, "Farmakogenetisk oversikt",
                    "One card that lists the patient's actionable pharmacogenomic results and the drugs on the "
                            + "current medication list they affect.",
                    REQUIREMENTS, TEMPLATES));

    /** @return every service, in discovery order */
    public List<CdsService> all() {
        return services;
    }

    /**
     * @param id a service id; may be null
     * @return the service with that id, if hosted here
     */
    public Optional<CdsService> find(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
