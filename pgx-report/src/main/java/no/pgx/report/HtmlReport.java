package no.pgx.report;

import no.pgx.report.ReportModel.DrugLine;
import no.pgx.report.ReportModel.GeneAdvice;
import no.pgx.report.ReportModel.LabRow;

/**
 * The report as one HTML document for A4 paper: print CSS with {@code @page} A4 margins, tables that do not split a
 * row across pages, and the wallet card (85 × 54 mm, a credit-card size) on a page of its own. All text is escaped.
 * Stateless.
 */
final class HtmlReport {
    private static final String CSS = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm; }
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10.5pt; color: #111;
                   line-height: 1.35; max-width: 178mm; margin: 0 auto; }
            h1 { font-size: 18pt; margin: 0 0 2mm 0; }
            h2 { font-size: 13pt; margin: 7mm 0 2mm 0; border-bottom: 0.4mm solid #555; padding-bottom: 1mm; }
            h3 { font-size: 11pt; margin: 4mm 0 1mm 0; }
            .meta { color: #333; margin: 0 0 3mm 0; }
            table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm 0; }
            th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm; border-bottom: 0.2mm solid #bbb; }
            th { background: #eee; font-weight: bold; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            .critical td:first-child { border-left: 1.2mm solid #b00020; }
            .gene { page-break-inside: avoid; break-inside: avoid; }
            .normal, .notes { color: #222; }
            .dose, .alternatives { font-size: 9.5pt; }
            td.date { white-space: nowrap; }
            .basis { font-size: 9pt; color: #333; }
            .disclaimer { margin-top: 8mm; font-size: 8.5pt; color: #444; }
            .card-page { page-break-before: always; break-before: page; }
            .card { width: 85mm; min-height: 54mm; border: 0.4mm dashed #333; border-radius: 3mm; padding: 3mm;
                    box-sizing: border-box; font-size: 8pt; line-height: 1.25; }
            .card h2 { font-size: 10pt; border: 0; margin: 0 0 1.5mm 0; padding: 0; }
            .card ul { margin: 0; padding-left: 4mm; }
            @media screen { body { margin: 10mm auto; } }
            """;

    private HtmlReport() {
    }

    static String render(ReportModel m) {
        String l = m.language();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(l).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(Texts.get("title", l))).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body>\n<header>\n<h1>").append(esc(Texts.get("title", l))).append("</h1>\n<p class=\"meta\">");
        if (m.patient() != null) {
            h.append(esc(Texts.get("patient", l))).append(": <strong>").append(esc(m.patient())).append("</strong> · ");
        }
        h.append(esc(Texts.get("generated", l))).append(": ").append(esc(m.generated())).append(" · ")
                .append(esc(Texts.get("knowledge", l))).append(": ").append(esc(m.knowledgeVersion()))
                .append("</p>\n<p>").append(esc(Texts.get("intro", l))).append("</p>\n</header>\n");
        lab(h, m);
        actionable(h, m);
        if (!m.normal().isEmpty()) {
            h.append("<section id=\"normal\">\n<h2>").append(esc(Texts.get("normal", l))).append("</h2>\n<p class=\"normal\">")
                    .append(esc(String.join(", ", m.normal()))).append(": ").append(esc(Texts.get("normalLine", l)))
                    .append("</p>\n</section>\n");
        }
        if (!m.notes().isEmpty()) {
            h.append("<section id=\"notes\">\n<h2>").append(esc(Texts.get("notes", l))).append("</h2>\n<ul class=\"notes\">\n");
            m.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
            h.append("</ul>\n</section>\n");
        }
        h.append("<p class=\"disclaimer\">").append(esc(Texts.get("disclaimer", l))).append("</p>\n");
        card(h, m);
        return h.append("</body>\n</html>\n").toString();
    }

    private static void lab(StringBuilder h, ReportModel m) {
        String l = m.language();
        h.append("<section id=\"lab\">\n<h2>").append(esc(Texts.get("lab", l))).append("</h2>\n<table>\n<thead><tr>");
        for (String k : new String[] {"gene", "diplotype", "phenotype", "testDate", "labName"}) {
            h.append("<th>").append(esc(Texts.get(k, l))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (LabRow r : m.lab()) {
            h.append("<tr><td>").append(esc(r.gene())).append("</td><td>").append(esc(r.diplotype())).append("</td><td>")
                    .append(esc(r.phenotype())).append("</td><td class=\"date\">").append(esc(r.testDate())).append("</td><td>")
                    .append(esc(r.lab())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void actionable(StringBuilder h, ReportModel m) {
        String l = m.language();
        h.append("<section id=\"actionable\">\n<h2>").append(esc(Texts.get("actionable", l))).append("</h2>\n");
        if (m.actionable().isEmpty()) {
            h.append("<p>").append(esc(Texts.get("noActionable", l))).append("</p>\n");
        }
        boolean alternatives = false;
        for (GeneAdvice g : m.actionable()) {
            h.append("<div class=\"gene\">\n<h3>").append(esc(g.gene())).append(" – ").append(esc(g.phenotype()))
                    .append("</h3>\n");
            if (g.drugs().isEmpty()) {
                h.append("<p>").append(esc(Texts.get("noDrugs", l))).append("</p>\n</div>\n");
                continue;
            }
            h.append("<table>\n<thead><tr>");
            for (String k : new String[] {"drug", "drugClass", "todo", "source"}) {
                h.append("<th>").append(esc(Texts.get(k, l))).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (DrugLine d : g.drugs()) {
                h.append(d.critical() ? "<tr class=\"critical\">" : "<tr>").append("<td><strong>").append(esc(d.drug()))
                        .append("</strong></td><td>").append(esc(d.drugClass() == null ? "–" : d.drugClass()))
                        .append("</td><td>").append(todo(d.todo()));
                if (d.dose() != null) {
                    h.append("<br><span class=\"dose\">").append(esc(Texts.get("dose", l))).append(": ")
                            .append(esc(d.dose())).append("</span>");
                }
                if (d.alternatives() != null) {
                    alternatives = true;
                    h.append("<br><span class=\"alternatives\">").append(esc(d.alternatives())).append("</span>");
                }
                h.append("</td><td>").append(esc(d.source())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</div>\n");
        }
        if (!m.actionable().isEmpty()) {
            h.append("<p class=\"basis\">").append(esc(Texts.get("adviceBasis", l))).append(": ")
                    .append(esc(m.knowledgeVersion())).append(".");
            if (alternatives) {
                h.append(" ").append(esc(Texts.get("alternativesNote", l)));
            }
            h.append("</p>\n");
        }
        h.append("</section>\n");
    }

    /** The advice with its action in bold: "<strong>Unngå</strong> – CYP2C19 langsom omsetter. …". */
    private static String todo(String todo) {
        int dash = todo.indexOf(" – ");
        return dash < 0 ? "<strong>" + esc(todo) + "</strong>"
                : "<strong>" + esc(todo.substring(0, dash)) + "</strong>" + esc(todo.substring(dash));
    }

    private static void card(StringBuilder h, ReportModel m) {
        String l = m.language();
        h.append("<section class=\"card-page\" id=\"card\">\n<p>").append(esc(Texts.get("cardCut", l)))
                .append("</p>\n<div class=\"card\">\n<h2>").append(esc(Texts.get("card", l))).append("</h2>\n");
        if (m.patient() != null) {
            h.append("<p>").append(esc(m.patient())).append("</p>\n");
        }
        if (m.actionable().isEmpty()) {
            h.append("<p>").append(esc(Texts.get("cardNone", l))).append("</p>\n");
        } else {
            h.append("<ul>\n");
            for (GeneAdvice g : m.actionable()) {
                h.append("<li>").append(esc(CardText.line(g, l))).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p>").append(esc(Texts.get("cardShow", l))).append(" ").append(esc(m.generated())).append(" · ")
                .append(esc(Texts.get("cardKnowledge", l))).append(": ").append(esc(m.knowledgeRelease()))
                .append("</p>\n</div>\n</section>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
