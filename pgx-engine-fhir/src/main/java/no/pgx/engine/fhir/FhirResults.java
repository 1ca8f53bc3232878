package no.pgx.engine.fhir;

import java.util.List;
import java.util.Objects;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;

import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Problem;

/**
 * Gene results read from FHIR R4 resources, ready for {@link PgxEngine}: one {@link GeneInput} per gene, with the
 * Observation id, test date and performing lab in its {@link no.pgx.engine.Provenance}.
 *
 * <p>Reads the shapes labs send: HL7 Genomics Reporting IG genotype Observations (LOINC 84413-4 with a gene-studied
 * component 48018-6, STU1–STU3; a multi-gene genotype whose value names one gene, such as {@code CYP2C9 *2/*5} with
 * CYP2C9 and VKORC1 components), haplotype Observations (84414-2; two make the diplotype), FHIR core STU3
 * "observation-genetics" diplotype calls, phenotype Observations (LOINC 53040-2, gene-specific metabolic-activity codes
 * such as 79716-7, LOINC answer codes, SNOMED CT metabolizer concepts, or text in English, CPIC terms or Norwegian),
 * activity scores, HLA results at two-field resolution (GL Strings {@code HLA-B*15:01:01G+HLA-B*57:01:01G}, IMGT/HLA G
 * and P groups, {@code HLA-B*57:01 positive}, a named allele with Present/Absent), therapeutic implications (used only
 * for genes without a lab result, the gene found through {@code derivedFrom}), and Observations whose gene is only in
 * the code text or in the value. Documents: a Bundle of any type, a DiagnosticReport with contained results, or one
 * Observation; a DiagnosticReport's results are read or refused, never ignored.
 *
 * <p>Several results for one gene are combined by a stated rule (see {@code ResultMerger}): lab results before
 * implications, final before preliminary, the newest date; one date's genotype, haplotypes, phenotype and score are
 * combined; differing results of one date make the gene {@code Indeterminate} (an HLA risk allele: left out), never
 * "whichever came first".
 *
 * <p>Everything not read is reported: {@link #problems()} for data that could not be used (malformed, conflicting,
 * ambiguous, refused), {@link #notes()} for data deliberately not used or information about what was used
 * (entered-in-error, preliminary, superseded, variant-level Observations counted in one note, non-risk HLA alleles, the
 * source of a phenotype-only result). Results of several patients are never combined: such a document is refused
 * unless the patient is named ({@link #fromJson(String, String)}).
 *
 * <p>No method throws for bad input. All methods are thread-safe; the FHIR context is created once per class loader.
 *
 * @param results  the gene results, in the order genes first appear in the document; never null
 * @param problems data that could not be used, naming the resource id and field; never null
 * @param notes    data deliberately not used, and how results were arrived at; never null
 */
public record FhirResults(List<GeneInput> results, List<Problem> problems, List<Problem> notes) {
    /**
     * Copies the lists; a null list becomes an empty one.
     *
     * @param results  the gene results
     * @param problems data that could not be used
     * @param notes    data deliberately not used, and how results were arrived at
     */
    public FhirResults {
        results = results == null ? List.of() : List.copyOf(results);
        problems = problems == null ? List.of() : List.copyOf(problems);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * Reads a FHIR R4 JSON document: a Bundle of any type (collection, searchset, transaction, document), a
     * DiagnosticReport or a single Observation, holding one patient's results. This is the call for files, e.g.
     * {@code FhirResults.fromJson(Files.readString(path))}.
     *
     * @param json the JSON text; not null (blank or invalid JSON gives one problem)
     * @return the results, never null; none when the document holds several patients' results
     */
    public static FhirResults fromJson(String json) {
        return fromJson(json, null);
    }

    /**
     * Reads the results of one patient from a FHIR R4 JSON document that may hold several patients' results.
     *
     * @param json    the JSON text; not null
     * @param subject the patient ({@code Patient/123}, {@code 123}, or a Bundle fullUrl); null means the document's
     *                only patient
     * @return that patient's results, never null; Observations of other patients are listed in {@link #notes()}
     */
    public static FhirResults fromJson(String json, String subject) {
        Objects.requireNonNull(json, "json");
        return read(JsonDocument.read(json), subject);
    }

    /**
     * Reads the results of one patient from a FHIR R4 JSON document given as UTF-8 bytes (what a file or an HTTP body
     * is): the same answer as {@link #fromJson(String, String)} of their text, without decoding the text first.
     *
     * @param utf8    the document, UTF-8 without a byte-order mark (as FHIR's JSON format requires); not null.
     *                Bytes that are not (UTF-16, UTF-32, a byte-order mark, malformed UTF-8), not JSON, or empty give
     *                one problem
     * @param subject the patient ({@code Patient/123}, {@code 123}, or a Bundle fullUrl); null means the document's
     *                only patient
     * @return that patient's results, never null; Observations of other patients are listed in {@link #notes()}
     */
    public static FhirResults fromJson(byte[] utf8, String subject) {
        Objects.requireNonNull(utf8, "utf8");
        return read(JsonDocument.read(utf8), subject);
    }

    /**
     * Reads the Observations of a parsed Bundle (and those contained in its DiagnosticReports). Organization and
     * Practitioner entries name performers.
     *
     * @param bundle the bundle; not null
     * @return the results, never null
     */
    public static FhirResults fromBundle(Bundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        return read(Entries.of(bundle), null);
    }

    /**
     * Reads a list of Observations (e.g. fetched by a FHIR search).
     *
     * @param observations the Observations; not null, no null elements
     * @return the results, never null
     */
    public static FhirResults fromObservations(List<Observation> observations) {
        Objects.requireNonNull(observations, "observations");
        return read(Entries.of(observations), null);
    }

    /**
     * @return true when no gene result could be read: "no findings" must not be concluded from such a document
     */
    public boolean nothingRead() {
        return results.isEmpty();
    }

    /**
     * @deprecated renamed to {@link #notes()}
     * @return {@link #notes()}
     */
    @Deprecated
    public List<Problem> skipped() {
        return notes;
    }

    /**
     * Creates and warms the FHIR context now (about a second, once per class loader) instead of on first use. Optional;
     * call it at start-up in services.
     */
    public static void warmUp() {
        Objects.requireNonNull(Fhir.CONTEXT);
        Objects.requireNonNull(Codes.TABLE);
        Objects.requireNonNull(PhenotypeCodes.DEFAULT);
        Objects.requireNonNull(RiskAlleles.DEFAULT);
    }

    private static FhirResults read(Entries entries, String subject) {
        Collected collected = new Collected();
        collected.problems.addAll(entries.problems);
        List<Entries.Entry> selected = Subjects.select(entries, subject, collected);
        selected = Reports.check(entries, selected, collected);
        ObservationReader reader = new ObservationReader(entries, collected);
        for (Entries.Entry entry : selected) {
            try {
                reader.read(entry);
            } catch (RuntimeException e) {
                // One unexpected resource must not lose the others; the message names it.
                collected.problem(null, "resource", "Observation " + ObservationReader.sourceId(entry)
                        + " (entry " + (entry.index() + 1) + ") could not be read: " + e);
            }
        }
        collected.finish();
        List<GeneInput> results = ResultMerger.merge(collected);
        return new FhirResults(results, collected.problems, collected.notes);
    }
}
