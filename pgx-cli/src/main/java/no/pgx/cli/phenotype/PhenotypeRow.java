package no.pgx.cli.phenotype;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import no.pgx.engine.GeneResult;
import no.pgx.engine.ResultState;
import no.pgx.knowledge.CsvTable;

/**
 * One row of the phenotype CSV output (header {@link #HEADER}), for the batch and for {@code --fhir}: gene and
 * diplotype as written, then the call, or {@code ERROR} with the message.
 */
final class PhenotypeRow {
    /** The output header, part of the command-line contract. */
    static final List<String> HEADER = List.of("gene", "diplotype", "phenotype", "activity_score", "lookup_key",
            "status", "message");

    private PhenotypeRow() {
    }

    /** @return the row for a result; {@code status} is {@code INDETERMINATE} or {@code OK} */
    static List<String> of(String gene, String asWritten, GeneResult r) {
        String status = r.state() == ResultState.INDETERMINATE ? "INDETERMINATE" : "OK";
        return List.of(text(gene), text(asWritten), text(r.phenotype()), text(r.activityScore()), text(r.lookupKey()),
                status, String.join("; ", r.warnings()));
    }

    /** @return an {@code ERROR} row */
    static List<String> error(String gene, String asWritten, String message) {
        return List.of(text(gene), text(asWritten), "", "", "", "ERROR", text(message));
    }

    /** Writes a row and a newline. */
    static void write(Writer w, List<String> fields) throws IOException {
        w.write(CsvTable.formatRecord(fields));
        w.write('\n');
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
