package no.pgx.engine.fhir;

import java.util.List;
import java.util.Objects;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;

import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Problem;

/**
 * Gene results read from FHIR R4 Observations, ready for {@link PgxEngine}: one {@link GeneInput} per gene (per gene
 * and allele for HLA allele statuses), with the Observation id, test date and performing lab in its
 * {@link no.pgx.engine.Provenance}.
 *
 * <p>Reads the shapes labs send: HL7 Genomics Reporting IG genotype Observations (LOINC 84413-4 with a gene-studied
 * component 48018-6, STU1–STU3), FHIR core STU3 "observation-genetics" diplotype calls (SNOMED CT 363779003 with the
 * {@code observation-geneticsGene} extension), phenotype Observations (LOINC 53040-2, LOINC answer codes or text in
 * English, CPIC terms or Norwegian), activity scores, HLA allele results ({@code HLA-B*57:01 positive}, a named allele
 * with Present/Positive), therapeutic implications (used only for genes without a lab result), and plain Observations
 * whose gene is only in the code text or in the value ({@code CYP2D6*1/*4}). Values are passed on as written (gene
 * prefix removed, LOINC answers turned into CPIC terms); the engine normalises them.
 *
 * <p>When a gene has several results, the newest (effective date, else issued) is used; results from the same date are
 * merged (a report's genotype and phenotype Observations); a differing value is reported as a {@link Problem}.
 * Entered-in-error, cancelled and registered Observations, older superseded results and non-genomic Observations are
 * listed in {@link #skipped()}, not in {@link #problems()}. Other resource types are ignored.
 *
 * <p>No method throws for bad input: a broken Observation gives a problem naming its id and field, an unreadable
 * document one problem. All methods are thread-safe; the FHIR context is created once per class loader.
 *
 * @param results  the gene results, in the order genes first appear in the document; never null
 * @param problems malformed or conflicting input (id, field and value named); never null
 * @param skipped  Observations deliberately not used, with the reason; never null
 */
public record FhirResults(List<GeneInput> results, List<Problem> problems, List<Problem> skipped) {
    public FhirResults {
        results = results == null ? List.of() : List.copyOf(results);
        problems = problems == null ? List.of() : List.copyOf(problems);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /**
     * Reads a FHIR R4 JSON document: a Bundle of any type (collection, searchset, transaction, document) or a single
     * Observation. This is the call for files, e.g. {@code FhirResults.fromJson(Files.readString(path))}.
     *
     * @param json the JSON text; not null (blank or invalid JSON gives one problem)
     * @return the results, never null
     */
    public static FhirResults fromJson(String json) {
        Objects.requireNonNull(json, "json");
        return read(JsonDocument.read(json));
    }

    /**
     * Reads the Observations of a parsed Bundle. Organization and Practitioner entries name performers.
     *
     * @param bundle the bundle; not null
     * @return the results, never null
     */
    public static FhirResults fromBundle(Bundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        return read(Entries.of(bundle));
    }

    /**
     * Reads a list of Observations (e.g. fetched by a FHIR search).
     *
     * @param observations the Observations; not null, no null elements
     * @return the results, never null
     */
    public static FhirResults fromObservations(List<Observation> observations) {
        Objects.requireNonNull(observations, "observations");
        return read(Entries.of(observations));
    }

    /**
     * Creates and warms the FHIR context now (about a second, once per class loader) instead of on first use. Optional;
     * call it at start-up in services.
     */
    public static void warmUp() {
        Objects.requireNonNull(Fhir.CONTEXT);
        Objects.requireNonNull(Codes.TABLE);
    }

    private static FhirResults read(Entries entries) {
        Collected collected = new Collected();
        collected.problems.addAll(entries.problems);
        ObservationReader reader = new ObservationReader(entries, collected);
        for (Entries.Entry entry : entries.observations) {
            try {
                reader.read(entry);
            } catch (RuntimeException e) {
                // One unexpected resource must not lose the others; the message names it.
                collected.problem(null, "resource", "Observation " + entry.observation().getIdElement().getIdPart()
                        + " (entry " + (entry.index() + 1) + ") could not be read: " + e);
            }
        }
        List<GeneInput> results = ResultMerger.merge(collected);
        return new FhirResults(results, collected.problems, collected.skipped);
    }
}
