package no.pgx.cli.assess;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import no.pgx.cli.CliContext;
import no.pgx.cli.batch.BatchRunner;
import no.pgx.cli.input.InputFiles;
import no.pgx.cli.input.InputLine;
import no.pgx.cli.input.LineSource;
import no.pgx.engine.Assessment;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Problem;

/**
 * {@code assess --input FILE.jsonl|-}: one JSON case per line in, one JSON line per case out, output line n for input
 * line n. A blank input line gives an empty output line; a line that cannot be read or assessed gives a line with
 * {@code "id":null} and its errors. Exit code 0 when no case had errors, 1 when some had, 2 when the input could not be
 * read (after writing what was read).
 */
final class AssessBatch {
    private static final byte[] NEWLINE = {'\n'};

    private final CliContext context;
    private final CaseReader reader = new CaseReader();
    private final CaseJson mapper;

    AssessBatch(CliContext context, CaseJson mapper) {
        this.context = context;
        this.mapper = mapper;
    }

    int run(String input, int threads, boolean includeNormal, boolean detail) {
        InputStream in;
        try {
            in = InputFiles.open(input, context.in());
        } catch (InputFiles.UnreadableInputException e) {
            context.err().println(e.getMessage());
            return 2;
        }
        BatchRunner.Outcome outcome;
        try {
            PgxEngine engine = context.engine();  // load the knowledge before the workers start, once
            outcome = new BatchRunner(threads).run(new LineSource(in),
                    (line, parts) -> assess(engine, line, includeNormal, detail, parts), context.out());
        } catch (IOException e) {
            context.err().println("Cannot write the output: " + e.getMessage());
            return 2;
        } finally {
            InputFiles.closeQuietly(in);
            context.out().flush();
        }
        if (outcome.readError() != null) {
            context.err().println("Cannot read " + InputFiles.displayName(input) + " after line " + outcome.lines()
                    + ": " + outcome.readError().getMessage());
            return 2;
        }
        if (outcome.failed() > 0) {
            context.err().println(outcome.failed() + " case(s) had errors; see their \"errors\"");
        }
        return outcome.failed() > 0 ? 1 : 0;
    }

    /** Writes one line's output; @return true when the case had errors. Runs on a worker thread. */
    private boolean assess(PgxEngine engine, InputLine line, boolean includeNormal, boolean detail, List<byte[]> parts) {
        if (line.blank()) {
            parts.add(NEWLINE);  // keeps output line n for input line n
            return false;
        }
        CaseOutcome outcome;
        try {
            outcome = outcome(engine, reader.read(line, includeNormal));
        } catch (RuntimeException e) {
            // A defect must not cost the rest of the batch its results: the case says what happened.
            outcome = CaseOutcome.failed(List.of(new Problem(null, null, "line " + line.number()
                    + ": could not be assessed (internal error " + e.getClass().getSimpleName()
                    + "); please report this")));
        }
        mapper.write(outcome, detail, parts);
        return !outcome.errors().isEmpty();
    }

    private static CaseOutcome outcome(PgxEngine engine, CaseReader.CaseInput c) {
        if (c.request() == null) {
            return new CaseOutcome(c.id(), List.of(), c.errors(), List.of(), List.of());
        }
        Assessment a = engine.assess(c.request());
        List<Problem> errors = new ArrayList<>(c.errors());
        errors.addAll(a.problems());
        return new CaseOutcome(c.id(), a.findings(), errors, a.advice(), a.notes());
    }
}
