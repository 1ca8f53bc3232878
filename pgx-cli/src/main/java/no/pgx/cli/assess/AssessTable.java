package no.pgx.cli.assess;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.pgx.engine.Assessment;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Finding;
import no.pgx.engine.Indicator;
import no.pgx.engine.Note;
import no.pgx.engine.Problem;

/**
 * Prints an assessment for people: the results, then one line per drug with its headline advice (the card a prescriber
 * would see: action, urgency, sources, headline; with {@code --detail} the detail under it), the notes, the problems
 * and the knowledge version.
 */
final class AssessTable {
    private AssessTable() {
    }

    /**
     * @param lang   {@code nb} or {@code en}
     * @param detail print each drug's Markdown detail under its line
     */
    static void print(Assessment a, String lang, boolean detail, PrintStream out) {
        boolean en = lang.equals("en");
        a.results().forEach(r -> out.println((en ? "Result: " : "Resultat: ") + r.gene() + " "
                + (r.diplotypeAsWritten() == null ? "" : r.diplotypeAsWritten() + " → ") + r.phenotype()
                + (r.activityScore() == null ? "" : " (AS " + r.activityScore() + ")")));
        List<Line> lines = lines(a, lang);
        if (lines.isEmpty()) {
            out.println(en ? "No findings: no guideline advice changes therapy for these results."
                    : "Ingen funn: ingen retningslinje gir endret behandling for disse resultatene.");
        } else {
            String[] head = en ? new String[] {"DRUG", "ACTION", "URGENCY", "SOURCE", "ADVICE"}
                    : new String[] {"LEGEMIDDEL", "TILTAK", "VARSEL", "KILDE", "RÅD"};
            List<String[]> rows = new ArrayList<>();
            rows.add(head);
            lines.forEach(l -> rows.add(l.cells()));
            int[] widths = widths(rows);
            print(head, widths, out);
            for (Line l : lines) {
                print(l.cells(), widths, out);
                if (detail && l.detail() != null) {
                    l.detail().lines().forEach(d -> out.println(d.isBlank() ? "" : "    " + d));
                    out.println();
                }
            }
        }
        for (Note n : a.notes()) {
            out.println((en ? "Note: " : "Merknad: ") + n.text().in(lang));
        }
        for (Problem p : a.problems()) {
            out.println("Problem: " + p.message());
        }
        out.println((en ? "Knowledge: " : "Kunnskapsgrunnlag: ") + a.knowledgeVersion());
    }

    /** One drug's line and its detail. */
    private record Line(String[] cells, String detail) {
    }

    /**
     * @return one line per drug: its advice, most urgent first; a drug with findings but no advice (nothing to act on,
     *         listed with {@code --include-normal}) gets a line from its findings, so no finding goes unseen
     */
    private static List<Line> lines(Assessment a, String lang) {
        List<Line> lines = new ArrayList<>();
        for (DrugAdvice d : a.advice()) {
            lines.add(new Line(new String[] {d.name().in(lang), d.action().name(), indicator(d.indicator(), lang),
                sources(d.sources()), d.headline().in(lang)}, d.detail().in(lang)));
        }
        Map<String, List<Finding>> rest = new LinkedHashMap<>();
        for (Finding f : a.findings()) {
            if (a.adviceFor(f.drug()) == null) {
                rest.computeIfAbsent(f.drug(), k -> new ArrayList<>()).add(f);
            }
        }
        rest.forEach((drug, findings) -> {
            Finding first = findings.get(0);
            List<String> sources = findings.stream().map(Finding::source).distinct().toList();
            lines.add(new Line(new String[] {drug, first.action().name(), indicator(Indicator.INFO, lang),
                String.join(", ", sources), first.summary().in(lang)}, first.detail().in(lang)));
        });
        return lines;
    }

    /**
     * @return the sources as short labels for the column: a cited document is named up to its first parenthesis or
     *         semicolon ("DMP interaksjonssøk"); the detail and the JSON carry the full citation
     */
    private static String sources(List<String> sources) {
        List<String> labels = new ArrayList<>();
        for (String s : sources) {
            String label = s.split(" \\(|;")[0].trim();
            if (!label.isEmpty() && !labels.contains(label)) {
                labels.add(label);
            }
        }
        return String.join(", ", labels);
    }

    private static String indicator(Indicator i, String lang) {
        if (lang.equals("en")) {
            return i.code();
        }
        return switch (i) {
            case CRITICAL -> "kritisk";
            case WARNING -> "advarsel";
            case INFO -> "info";
        };
    }

    private static int[] widths(List<String[]> rows) {
        int[] w = new int[rows.get(0).length - 1];
        for (String[] r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        return w;
    }

    /** Prints a row with every column but the last padded to its widest cell. */
    private static void print(String[] r, int[] w, PrintStream out) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            s.append(String.format(Locale.ROOT, "%-" + w[i] + "s  ", r[i]));
        }
        out.println(s.append(r[w.length]).toString().stripTrailing());
    }
}
