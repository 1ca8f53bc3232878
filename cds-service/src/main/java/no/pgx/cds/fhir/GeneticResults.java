package no.pgx.cds.fhir;

import java.util.List;

import no.pgx.engine.GeneInput;
import no.pgx.engine.Problem;

/**
 * The gene results read from the patient's PGx Observations. Immutable.
 *
 * @param inputs   one input per gene (and HLA allele), as the engine's FHIR adapter selected them
 * @param problems Observations or fields that could not be read; the rest was used
 */
public record GeneticResults(List<GeneInput> inputs, List<Problem> problems) {
    public GeneticResults {
        inputs = List.copyOf(inputs);
        problems = List.copyOf(problems);
    }

    /** No results. */
    public static final GeneticResults NONE = new GeneticResults(List.of(), List.of());
}
