package no.pgx.report;

import java.util.ArrayList;
import java.util.List;

import no.pgx.report.ReportModel.DrugLine;
import no.pgx.report.ReportModel.GeneAdvice;

/**
 * The wallet card's short line per actionable result: the gene, its result without the English term (HLA: only the
 * alleles found), and the drugs to avoid or replace (most urgent first), at most six, with how many more the report lists.
 */
final class CardText {
    private static final int MAX_DRUGS = 6;

    private CardText() {
    }

    static String line(GeneAdvice g, String language) {
        boolean en = Texts.en(language);
        String result = result(g, en);
        StringBuilder b = new StringBuilder(result.startsWith(g.gene()) ? result : g.gene() + " " + result);
        List<String> critical = new ArrayList<>();
        int others = 0;
        for (DrugLine d : g.drugs()) {
            if (d.critical() && critical.size() < MAX_DRUGS) {
                critical.add(d.drug());
            } else {
                others++;
            }
        }
        if (!critical.isEmpty()) {
            b.append(en ? ". Avoid or replace: " : ". Unngå eller bytt: ").append(String.join(", ", critical));
        }
        if (others > 0) {
            b.append(en ? " (+" + others + " more in the report)" : " (+" + others + " til i rapporten)");
        }
        return b.toString();
    }

    private static String result(GeneAdvice g, boolean en) {
        String p = g.phenotype();
        if (p.contains("påvist") || p.contains("present")) {
            List<String> found = new ArrayList<>();
            for (String item : p.split(";")) {
                String s = item.trim();
                if (!s.contains("ikke påvist") && !s.contains("not present")) {
                    found.add(s);
                }
            }
            return String.join(", ", found);
        }
        int paren = p.indexOf(" (");
        return en || paren < 0 ? p : p.substring(0, paren);
    }
}
