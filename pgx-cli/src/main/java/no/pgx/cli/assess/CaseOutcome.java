package no.pgx.cli.assess;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Finding;
import no.pgx.engine.Note;
import no.pgx.engine.Problem;

/**
 * The result of one case, as written on its output line by {@link CaseJson}. A new output field is a new component here
 * and one more section in {@link CaseJson#write}.
 *
 * @param id       the case's {@code id} as sent (any JSON value), or null when there was none
 * @param findings the engine's findings, in its order
 * @param errors   what was wrong with the input: the reader's errors first, then the engine's problems
 * @param advice   one piece of advice per ordered drug that has something to say, most urgent first
 * @param notes    informational messages that are not input faults (they never make the exit code 1)
 */
record CaseOutcome(JsonNode id, List<Finding> findings, List<Problem> errors, List<DrugAdvice> advice,
                   List<Note> notes) {
    CaseOutcome {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        advice = List.copyOf(advice);
        notes = List.copyOf(notes);
    }

    /** @return an outcome for a case that could not be read or assessed: no id, no findings, the errors */
    static CaseOutcome failed(List<Problem> errors) {
        return new CaseOutcome(null, List.of(), errors, List.of(), List.of());
    }
}
