package no.pgx.cli.assess;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import no.pgx.engine.Assessment;
import no.pgx.engine.Finding;
import no.pgx.engine.Problem;

/** Prints an assessment for people: the results, a table of findings, the problems and the knowledge version. */
final class AssessTable {
    private AssessTable() {
    }

    /** @param lang {@code nb} or {@code en} */
    static void print(Assessment a, String lang, PrintStream out) {
        boolean en = lang.equals("en");
        a.results().forEach(r -> out.println((en ? "Result: " : "Resultat: ") + r.gene() + " "
                + (r.diplotypeAsWritten() == null ? "" : r.diplotypeAsWritten() + " → ") + r.phenotype()
                + (r.activityScore() == null ? "" : " (AS " + r.activityScore() + ")")));
        if (a.findings().isEmpty()) {
            out.println(en ? "No findings: no guideline advice changes therapy for these results."
                    : "Ingen funn: ingen retningslinje gir endret behandling for disse resultatene.");
        } else {
            String[] head = en ? new String[] {"DRUG", "SOURCE", "POPULATION", "ACTION", "STRENGTH", "SUMMARY"}
                    : new String[] {"LEGEMIDDEL", "KILDE", "PASIENTGRUPPE", "TILTAK", "STYRKE", "SAMMENDRAG"};
            List<String[]> rows = new ArrayList<>();
            rows.add(head);
            for (Finding f : a.findings()) {
                rows.add(new String[] {f.drug(), f.source(), f.populationLabel().in(lang), f.action().name(),
                    f.strength(), f.summary().in(lang)});
            }
            columns(rows, out);
        }
        for (Problem p : a.problems()) {
            out.println("Problem: " + p.message());
        }
        out.println((en ? "Knowledge: " : "Kunnskapsgrunnlag: ") + a.knowledgeVersion());
    }

    /** Prints rows with every column but the last padded to its widest cell. */
    private static void columns(List<String[]> rows, PrintStream out) {
        int[] w = new int[rows.get(0).length - 1];
        for (String[] r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                s.append(String.format(Locale.ROOT, "%-" + w[i] + "s  ", r[i]));
            }
            out.println(s.append(r[w.length]).toString().stripTrailing());
        }
    }
}
