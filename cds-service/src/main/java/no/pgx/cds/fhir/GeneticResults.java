package no.pgx.cds.fhir;

import java.util.List;

import no.pgx.engine.GeneInput;
import no.pgx.engine.Problem;

/**
 * The gene results read from the patient's PGx resources, and what was not read. Immutable.
 *
 * @param inputs    one input per gene (and HLA allele), as the engine's FHIR adapter selected them
 * @param problems  data that could not be used and should have been (malformed, conflicting, ambiguous, refused),
 *                  each naming the resource id and why; the rest was used
 * @param notes     data deliberately not used (entered in error, preliminary, superseded, another patient's,
 *                  variant-level) and how results were arrived at
 * @param resources how many Observations and DiagnosticReports came in (prefetched or fetched)
 */
public record GeneticResults(List<GeneInput> inputs, List<Problem> problems, List<Problem> notes, int resources) {
    public GeneticResults {
        inputs = List.copyOf(inputs);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** No results, because no resource came in. */
    public static final GeneticResults NONE = new GeneticResults(List.of(), List.of(), List.of(), 0);

    /**
     * @return true when PGx resources came in but no gene result could be read from them: the answer must say so,
     *         never look like "no findings"
     */
    public boolean nothingRead() {
        return resources > 0 && inputs.isEmpty();
    }
}
