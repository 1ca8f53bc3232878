package no.pgx.cli.results;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import no.pgx.cli.input.InputFiles;
import no.pgx.engine.GeneInput;
import no.pgx.engine.Problem;
import no.pgx.engine.fhir.FhirResults;
import no.pgx.engine.pharmcat.PharmcatResults;

/**
 * One patient's gene results read from a file a lab sends: a FHIR document (Genomics Reporting Observations) or a
 * PharmCAT output (phenotyper JSON, report JSON, outside-call TSV), with what the reader could not use
 * ({@link #problems()}) and what it deliberately did not use ({@link #notes()}). Commands print both on standard
 * error ({@link #tell(PrintStream)}), one line each, so that standard output keeps its CSV or JSON contract and no
 * skipped Observation goes unmentioned; when {@link #nothingRead()}, they say so and exit non-zero instead of reporting
 * "no findings".
 *
 * @param name     the file name as given
 * @param kind     {@code FHIR} or {@code PharmCAT}
 * @param results  one input per gene; never null
 * @param problems what could not be used, naming the resource id (FHIR) or gene and value (PharmCAT); never null
 * @param notes    what was deliberately not used, and how results were arrived at; never null
 */
public record ResultFile(String name, String kind, List<GeneInput> results, List<Problem> problems,
                         List<Problem> notes) {
    public ResultFile {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /**
     * @param name    the file
     * @param subject the patient to read ({@code Patient/123}) from a document with several, or null
     * @throws InputFiles.UnreadableInputException when the file cannot be read as UTF-8 text
     */
    public static ResultFile fhir(String name, String subject) throws InputFiles.UnreadableInputException {
        FhirResults r = FhirResults.fromJson(InputFiles.readText(name), subject);
        return new ResultFile(name, "FHIR", r.results(), r.problems(), r.notes());
    }

    /** @throws InputFiles.UnreadableInputException when the file cannot be read as UTF-8 text */
    public static ResultFile pharmcat(String name) throws InputFiles.UnreadableInputException {
        PharmcatResults r = PharmcatResults.parse(InputFiles.readText(name), fileName(name));
        return new ResultFile(name, "PharmCAT", r.results(), r.problems(), r.notes());
    }

    /** @return true when no gene result could be read: nothing may then be reported as "no findings" */
    public boolean nothingRead() {
        return results.isEmpty();
    }

    /** Writes one line per problem ({@code problem:}) and per note ({@code note:}), naming the file. */
    public void tell(PrintStream err) {
        problems.forEach(p -> err.println(name + ": problem: " + p.message()));
        notes.forEach(n -> err.println(name + ": note: " + n.message()));
    }

    /** Writes that nothing could be read, and why in short. */
    public void tellNothingRead(PrintStream err) {
        err.println(name + ": no gene result could be read from this " + kind + " file"
                + (problems.isEmpty() ? "" : " (" + problems.size() + " problem(s), see above)")
                + "; nothing was called or assessed, and this must not be taken as 'no findings'");
    }

    private static String fileName(String name) {
        try {
            Path p = Path.of(name).getFileName();
            return p == null ? name : p.toString();
        } catch (InvalidPathException e) {
            return name;
        }
    }
}
