package no.pgx.cli.phenotype;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import no.pgx.cli.CliContext;
import no.pgx.cli.input.InputFiles;
import no.pgx.cli.results.FhirOut;
import no.pgx.cli.results.ResultFile;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.PgxException;
import no.pgx.engine.Problem;

/**
 * {@code phenotype --fhir BUNDLE.json} or {@code phenotype --pharmcat FILE}: calls every gene result of the file and
 * writes the batch CSV; what the reader could not use is also an {@code ERROR} row. Standard error gets one line per
 * result not used and per note (skipped Observations with their ids and why), and says so when nothing could be read.
 */
final class PhenotypeFile {
    /** How to read the file. */
    interface Reader {
        ResultFile read() throws InputFiles.UnreadableInputException;
    }

    private final CliContext context;

    PhenotypeFile(CliContext context) {
        this.context = context;
    }

    /**
     * @param fhirOut where to write the results as a FHIR Bundle, or null
     * @param subject the patient reference for the Bundle, or null
     * @return 0 when every result was called, 1 when any became an {@code ERROR} row (also when that is why nothing
     *         was read: an invalid document), 2 when the file cannot be read at all or holds no gene result and no
     *         error explains why (never to be taken as "no findings")
     */
    int run(Reader reader, String fhirOut, String subject) {
        ResultFile file;
        try {
            file = reader.read();
        } catch (InputFiles.UnreadableInputException e) {
            context.err().println(e.getMessage());
            return 2;
        }
        PgxEngine engine = file.nothingRead() ? null : context.engine();
        int errors = 0;
        List<GeneResult> called = new ArrayList<>();
        StringWriter csv = new StringWriter();
        try {
            PhenotypeRow.write(csv, PhenotypeRow.HEADER);
            for (GeneInput input : file.results()) {
                String shown = input.diplotype() != null ? input.diplotype()
                        : input.phenotype() != null ? input.phenotype()
                        : input.activityScore() != null ? input.activityScore() : input.alleleStatus();
                List<String> row;
                try {
                    GeneResult r = engine.call(input);
                    called.add(r);
                    row = PhenotypeRow.of(input.gene(), shown, r);
                } catch (PgxException e) {
                    errors++;
                    row = PhenotypeRow.error(input.gene(), shown, e.getMessage());
                }
                PhenotypeRow.write(csv, row);
            }
            for (Problem p : file.problems()) {
                errors++;
                PhenotypeRow.write(csv, PhenotypeRow.error(p.gene(), "", p.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a StringWriter does not fail
        }
        context.out().print(csv);
        context.out().flush();
        file.tell(context.err());
        if (file.nothingRead()) {
            file.tellNothingRead(context.err());
            return errors > 0 ? 1 : 2;
        }
        if (fhirOut != null) {
            int n = FhirOut.write(fhirOut, called, List.of(), subject);
            context.err().println("wrote " + fhirOut + ": FHIR Genomics Reporting Bundle, " + n + " entries");
        }
        return errors == 0 ? 0 : 1;
    }
}
