package no.pgx.cli.phenotype;

import java.io.PrintStream;
import java.util.Locale;

import no.pgx.engine.GeneResult;
import no.pgx.terminology.genetics.NotationException;
import no.pgx.terminology.genetics.PhenotypeVocabulary;

/** Prints one called result for people: a label and a value per line. */
final class PhenotypeReport {
    private PhenotypeReport() {
    }

    static void print(GeneResult r, PrintStream out) {
        line(out, "gene", r.gene());
        if (r.diplotype() != null) {
            line(out, "diplotype", r.diplotype() + (r.diplotype().equals(r.diplotypeAsWritten()) ? ""
                    : "   (as written: " + r.diplotypeAsWritten() + ")"));
        }
        line(out, "phenotype", r.phenotype());
        line(out, "norsk", norwegian(r.phenotype()));
        if (r.activityScore() != null) {
            line(out, "activity score", r.activityScore());
        }
        line(out, "lookup key", r.lookupKey());
        line(out, "state", r.state().name());
        if (r.warnings().isEmpty()) {
            line(out, "warnings", "none");
        }
        r.warnings().forEach(w -> line(out, "warning", w));
    }

    private static String norwegian(String term) {
        try {
            return PhenotypeVocabulary.loadDefault().displayLabel(term);
        } catch (NotationException e) {
            return term;
        }
    }

    private static void line(PrintStream out, String label, String value) {
        out.println(String.format(Locale.ROOT, "%-16s %s", label + ":", value));
    }
}
