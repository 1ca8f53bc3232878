package no.pgx.cli.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.pgx.cli.UsageException;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.fhir.FhirObservations;

/**
 * {@code --fhir-out FILE}: writes gene results (and the findings of an assessment) as an HL7 Genomics Reporting Bundle
 * ({@link FhirObservations#report}), indented for people. A file that cannot be written is a usage error (exit 2).
 */
public final class FhirOut {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirOut() {
    }

    /**
     * @param file     where to write; an existing file is replaced
     * @param results  the gene results (not-tested genes are left out)
     * @param findings the findings (empty for results only)
     * @param subject  the patient reference to write ({@code Patient/123}), or null
     * @return the number of Bundle entries written
     * @throws UsageException when the file cannot be written
     */
    public static int write(String file, List<GeneResult> results, List<Finding> findings, String subject) {
        var bundle = FhirObservations.report(results, findings, subject);
        try {
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    JSON.readTree(FhirObservations.toJson(bundle)));
            Files.writeString(Path.of(file), json + "\n", StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("--fhir-out: cannot write " + file + ": " + e.getMessage());
        }
        return bundle.getEntry().size();
    }
}
