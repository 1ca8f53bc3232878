package no.pgx.cli.phenotype;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import no.pgx.cli.CliContext;
import no.pgx.cli.input.InputFiles;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.PgxException;
import no.pgx.engine.Problem;
import no.pgx.engine.fhir.FhirResults;

/** {@code phenotype --fhir BUNDLE.json}: calls every gene result of a FHIR Bundle and writes the batch CSV. */
final class PhenotypeFhir {
    private final CliContext context;

    PhenotypeFhir(CliContext context) {
        this.context = context;
    }

    /** @return 0 when every result was called, 1 when any became an {@code ERROR} row, 2 when the file is unreadable */
    int run(String path) {
        String json;
        try {
            json = InputFiles.readText(path);
        } catch (InputFiles.UnreadableInputException e) {
            context.err().println(e.getMessage());
            return 2;
        }
        FhirResults results = FhirResults.fromJson(json);
        PgxEngine engine = context.engine();
        int errors = 0;
        StringWriter csv = new StringWriter();
        try {
            PhenotypeRow.write(csv, PhenotypeRow.HEADER);
            for (GeneInput input : results.results()) {
                String shown = input.diplotype() != null ? input.diplotype()
                        : input.phenotype() != null ? input.phenotype()
                        : input.activityScore() != null ? input.activityScore() : input.alleleStatus();
                List<String> row;
                try {
                    row = PhenotypeRow.of(input.gene(), shown, engine.call(input));
                } catch (PgxException e) {
                    errors++;
                    row = PhenotypeRow.error(input.gene(), shown, e.getMessage());
                }
                PhenotypeRow.write(csv, row);
            }
            for (Problem p : results.problems()) {
                errors++;
                PhenotypeRow.write(csv, PhenotypeRow.error(p.gene(), "", p.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a StringWriter does not fail
        }
        context.out().print(csv);
        context.out().flush();
        return errors == 0 ? 0 : 1;
    }
}
