package no.pgx.engine.pharmcat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Problem;

/**
 * Gene results read from PharmCAT's outputs, ready for {@link PgxEngine}: one {@link GeneInput} per gene.
 *
 * <p>Reads the phenotyper output ({@code *.phenotype.json}: {@code geneReports}, flat by gene as PharmCAT 3 writes it
 * or nested by source as 2.x did), the gene calls of the report ({@code *.report.json}: {@code genes}, either shape)
 * and the outside-call TSV (gene, diplotype, phenotype, activity score; {@code #} comments). Mapping:
 * <ul>
 *   <li>a called diplotype: the allele names ({@code *1/*2}; {@code Reference/Reference} where PharmCAT labels it "No
 *   CPIC variants found"), with PharmCAT's phenotype and activity score passed on for the engine to cross-check;
 *   CYP2D6 copy numbers written {@code *1≥3} become {@code *1x≥3}; DPYD combinations {@code [c.X + c.Y]} become one
 *   haplotype of several variants;</li>
 *   <li>{@code Unknown/Unknown}, {@code No Result}, call source {@code NONE}: not tested (a note), never normal;</li>
 *   <li>one allele unknown ({@code *1/Unknown}) or several possible diplotypes: {@code Indeterminate}, with a problem;</li>
 *   <li>outside calls (CYP2D6 from another caller, HLA allele status {@code *57:01 positive}): read, and a note says
 *   PharmCAT did not call them from the VCF;</li>
 *   <li>anything that cannot be mapped (a star-allele combination such as {@code [*2 + *3]}, an unreadable line): a
 *   problem naming gene and value.</li>
 * </ul>
 *
 * <p>No method throws for bad input. Immutable and thread-safe.
 *
 * @param results  one input per gene, in the order of the file; never null
 * @param problems what could not be mapped, naming gene and value; never null
 * @param notes    what was deliberately not used or how it was read (not-called genes, outside calls); never null
 */
public record PharmcatResults(List<GeneInput> results, List<Problem> problems, List<Problem> notes) {
    /**
     * Copies the lists; a null list becomes an empty one.
     *
     * @param results  the gene results
     * @param problems data that could not be used
     * @param notes    data deliberately not used, and how results were arrived at
     */
    public PharmcatResults {
        results = results == null ? List.of() : List.copyOf(results);
        problems = problems == null ? List.of() : List.copyOf(problems);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * Reads a PharmCAT output file, telling the format from its content: JSON with {@code geneReports} (phenotyper)
     * or {@code genes} (report), else the outside-call TSV.
     *
     * @param file the file; not null
     * @return the results, never null (an unreadable file gives one problem)
     */
    public static PharmcatResults read(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new PharmcatResults(List.of(), List.of(new Problem(null, "file", "Cannot read " + file + ": "
                    + e.getMessage())), List.of());
        }
        return parse(text, file.getFileName().toString());
    }

    /**
     * Reads PharmCAT output given as text (JSON or outside-call TSV, told from the content).
     *
     * @param text   the file's content; not null
     * @param source how to name the file in provenance and messages (e.g. its name), or null
     * @return the results, never null
     */
    public static PharmcatResults parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        String name = source == null ? "PharmCAT output" : source;
        String trimmed = text.stripLeading();
        Collector out = new Collector(name);
        if (trimmed.startsWith("{")) {
            JsonReader.read(trimmed, out);
        } else {
            OutsideCalls.read(text, out);
        }
        return out.results();
    }

    /** @return true when no gene result could be read */
    public boolean nothingRead() {
        return results.isEmpty();
    }
}
