package no.pgx.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import no.pgx.report.ReportModel.DrugLine;
import no.pgx.report.ReportModel.GeneAdvice;
import no.pgx.report.ReportModel.LabRow;

/**
 * The report as a PDF (Apache PDFBox): A4 pages laid out top to bottom with wrapped text and tables whose rows never
 * split across pages, then the wallet card (85 × 54 mm) on a page of its own. Helvetica (a PDF standard font, so
 * nothing is embedded); characters it cannot show are written in ASCII ({@code ≥} as {@code >=}). Not thread-safe; one
 * instance per document.
 */
final class PdfReport {
    private static final float MM = 72f / 25.4f;
    private static final float MARGIN = 18 * MM;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument doc;
    private PDPageContentStream out;
    private float y;

    private PdfReport(PDDocument doc) {
        this.doc = doc;
    }

    static byte[] render(ReportModel m) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(Texts.get("title", m.language()));
            info.setCreator("PGx decision support");
            PdfReport r = new PdfReport(doc);
            r.report(m);
            r.card(m);
            r.out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF report could not be written", e);
        }
    }

    private void report(ReportModel m) throws IOException {
        String l = m.language();
        newPage();
        text(Texts.get("title", l), BOLD, 18, 0);
        y -= 2;
        String meta = (m.patient() == null ? "" : Texts.get("patient", l) + ": " + m.patient() + "  ·  ")
                + Texts.get("generated", l) + ": " + m.generated() + "  ·  " + Texts.get("knowledge", l) + ": "
                + m.knowledgeVersion();
        text(meta, REGULAR, 9, 4);
        text(Texts.get("intro", l), REGULAR, 10, 8);
        heading(Texts.get("lab", l));
        List<String[]> lab = new ArrayList<>();
        for (LabRow r : m.lab()) {
            lab.add(new String[] {r.gene(), r.diplotype(), r.phenotype(), r.testDate(), r.lab()});
        }
        table(new float[] {0.12f, 0.2f, 0.3f, 0.13f, 0.25f}, new String[] {Texts.get("gene", l),
                Texts.get("diplotype", l), Texts.get("phenotype", l), Texts.get("testDate", l),
                Texts.get("labName", l)}, lab, false);
        heading(Texts.get("actionable", l));
        if (m.actionable().isEmpty()) {
            text(Texts.get("noActionable", l), REGULAR, 10, 6);
        }
        boolean alternatives = false;
        for (GeneAdvice g : m.actionable()) {
            need(60);
            text(g.gene() + " – " + g.phenotype(), BOLD, 11, 3);
            if (g.drugs().isEmpty()) {
                text(Texts.get("noDrugs", l), REGULAR, 10, 6);
                continue;
            }
            List<String[]> rows = new ArrayList<>();
            for (DrugLine d : g.drugs()) {
                StringBuilder todo = new StringBuilder(d.todo());
                if (d.dose() != null) {
                    todo.append('\n').append(Texts.get("dose", l)).append(": ").append(d.dose());
                }
                if (d.alternatives() != null) {
                    alternatives = true;
                    todo.append('\n').append(d.alternatives());
                }
                rows.add(new String[] {d.drug(), d.drugClass() == null ? "–" : d.drugClass(), todo.toString(),
                    d.source()});
            }
            table(new float[] {0.16f, 0.19f, 0.45f, 0.2f}, new String[] {Texts.get("drug", l), Texts.get("drugClass", l),
                    Texts.get("todo", l), Texts.get("source", l)}, rows, true);
        }
        if (!m.actionable().isEmpty()) {
            text(Texts.get("adviceBasis", l) + ": " + m.knowledgeVersion() + "." + (alternatives ? " "
                    + Texts.get("alternativesNote", l) : ""), REGULAR, 8.5f, 6);
        }
        if (!m.normal().isEmpty()) {
            heading(Texts.get("normal", l));
            text(String.join(", ", m.normal()) + ": " + Texts.get("normalLine", l), REGULAR, 10, 6);
        }
        if (!m.notes().isEmpty()) {
            heading(Texts.get("notes", l));
            for (String n : m.notes()) {
                text("• " + n, REGULAR, 9, 2);
            }
        }
        y -= 10;
        text(Texts.get("disclaimer", l), REGULAR, 8, 0);
    }

    private void card(ReportModel m) throws IOException {
        String l = m.language();
        newPage();
        text(Texts.get("cardCut", l), REGULAR, 10, 6);
        float w = 85 * MM;
        float h = 54 * MM;
        float top = y;
        out.setLineDashPattern(new float[] {3, 2}, 0);
        out.addRect(MARGIN, top - h, w, h);
        out.stroke();
        out.setLineDashPattern(new float[] {}, 0);
        float x = MARGIN + 3 * MM;
        float inner = w - 6 * MM;
        // The closing lines are written first, at the bottom, so that they are always on the card.
        float lead = 7 * 1.25f;
        List<String> closing = wrap(safe(Texts.get("cardShow", l) + " " + m.generated() + " · "
                + Texts.get("cardKnowledge", l) + ": " + m.knowledgeRelease()), BOLD, 7, inner);
        float baseline = top - h + 3 * MM + lead * (closing.size() - 1);
        for (String line : closing) {
            write(line, BOLD, 7, x, baseline);
            baseline -= lead;
        }
        float bottom = top - h + 3 * MM + lead * closing.size() + 2;
        y = top - 3 * MM;
        cardLine(Texts.get("card", l), BOLD, 10, x, inner, bottom);
        if (m.patient() != null) {
            cardLine(m.patient(), REGULAR, 8, x, inner, bottom);
        }
        if (m.actionable().isEmpty()) {
            cardLine(Texts.get("cardNone", l), REGULAR, 7.5f, x, inner, bottom);
        }
        // Every actionable result must be on the card: the text gets smaller before anything is left out, and what
        // still does not fit is counted on the last line.
        List<String> items = new ArrayList<>();
        m.actionable().forEach(g -> items.add("• " + CardText.line(g, l)));
        float size = 7;
        while (size > 5 && height(items, size, inner) > y - bottom - 2 * MM) {
            size -= 0.5f;
        }
        for (int i = 0; i < items.size(); i++) {
            int left = items.size() - i;
            float need = height(items.subList(i, i + 1), size, inner) + (left > 1 ? size * 1.25f + 1.5f : 0);
            if (need > y - bottom - 2 * MM) {
                cardLine(Texts.get("cardMore", l).replace("{n}", String.valueOf(left)), BOLD, size, x, inner, bottom);
                return;
            }
            cardLine(items.get(i), REGULAR, size, x, inner, bottom);
        }
    }

    private static float height(List<String> items, float size, float width) throws IOException {
        float total = 0;
        for (String item : items) {
            total += wrap(safe(item), REGULAR, size, width).size() * size * 1.25f + 1.5f;
        }
        return total;
    }

    private void cardLine(String s, PDFont font, float size, float x, float width, float bottom) throws IOException {
        for (String line : wrap(safe(s), font, size, width)) {
            if (y - size * 1.25f < bottom + 2 * MM) {
                return;
            }
            y -= size * 1.25f;
            write(line, font, size, x, y);
        }
        y -= 1.5f;
    }

    private void heading(String s) throws IOException {
        need(50);
        y -= 8;
        text(s, BOLD, 13, 2);
        out.setLineWidth(0.8f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + WIDTH, y);
        out.stroke();
        y -= 6;
    }

    private void text(String s, PDFont font, float size, float after) throws IOException {
        for (String line : wrap(safe(s), font, size, WIDTH)) {
            need(size * 1.35f);
            y -= size * 1.35f;
            write(line, font, size, MARGIN, y);
        }
        y -= after;
    }

    /** A table; a row is never split across pages, and the header is repeated on a new page. */
    private void table(float[] widths, String[] header, List<String[]> rows, boolean firstBold) throws IOException {
        float size = 9;
        float lead = size * 1.3f;
        row(widths, header, BOLD, BOLD, size, lead, true);
        for (String[] r : rows) {
            float height = height(widths, r, size, lead);
            if (y - height < MARGIN) {
                newPage();
                row(widths, header, BOLD, BOLD, size, lead, true);
            }
            row(widths, r, firstBold ? BOLD : REGULAR, REGULAR, size, lead, false);
        }
        y -= 6;
    }

    private void row(float[] widths, String[] cells, PDFont first, PDFont rest, float size, float lead, boolean header)
            throws IOException {
        float height = height(widths, cells, size, lead);
        if (header) {
            out.setNonStrokingColor(0.92f, 0.92f, 0.92f);
            out.addRect(MARGIN, y - height, WIDTH, height);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
        }
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            float cw = widths[i] * WIDTH;
            float cy = y - 3;
            for (String line : wrap(safe(cells[i]), i == 0 ? first : rest, size, cw - 6)) {
                cy -= lead;
                write(line, i == 0 ? first : rest, size, x + 3, cy + 2);
            }
            x += cw;
        }
        y -= height;
        out.setLineWidth(0.3f);
        out.setStrokingColor(0.7f, 0.7f, 0.7f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + WIDTH, y);
        out.stroke();
        out.setStrokingColor(0f, 0f, 0f);
    }

    private float height(float[] widths, String[] cells, float size, float lead) throws IOException {
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            lines = Math.max(lines, wrap(safe(cells[i]), i == 0 ? BOLD : REGULAR, size, widths[i] * WIDTH - 6).size());
        }
        return lines * lead + 6;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void write(String s, PDFont font, float size, float x, float atY) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, atY);
        out.showText(s);
        out.endText();
    }

    /** Greedy word wrap by measured width; a word longer than the width is cut with a hyphen. */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String w = word;
                while (font.getStringWidth(w) / 1000 * size > width && w.length() > 1) {
                    // cut with a hyphen ("hjerterytmeforstyrrel-/ser")
                    int cut = w.length() - 1;
                    while (cut > 1 && font.getStringWidth(w.substring(0, cut) + "-") / 1000 * size > width) {
                        cut--;
                    }
                    lines.add(w.substring(0, cut) + "-");
                    w = w.substring(cut);
                }
                line.append(w);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Text Helvetica (WinAnsi) can show: a few symbols spelled out, anything else unencodable as '?'. */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("≥", ">=").replace("≤", "<=").replace("\u202F", " ").replace("\u00A0", " ")
                .replace("\t", " ").replace("\r", "");
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            String one = String.valueOf(c);
            try {
                REGULAR.encode(one);
                b.append(c);
            } catch (IOException | IllegalArgumentException e) {
                b.append(c == '\n' ? "\n" : "?");
            }
        }
        return b.toString();
    }
}
