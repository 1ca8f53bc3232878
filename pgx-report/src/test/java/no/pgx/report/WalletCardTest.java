package no.pgx.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import no.pgx.report.ReportModel.DrugLine;
import no.pgx.report.ReportModel.GeneAdvice;

/** The wallet card never drops an actionable result silently: what does not fit is counted on its last line. */
class WalletCardTest {
    @Test
    void everyActionableResultIsOnTheCardOrCounted() throws IOException {
        List<GeneAdvice> genes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            List<DrugLine> drugs = new ArrayList<>();
            for (int d = 1; d <= 6; d++) {
                drugs.add(new DrugLine("legemiddelnavn" + i + "x" + d, null, "Unngå", null, null, "CPIC", true));
            }
            genes.add(new GeneAdvice("GEN" + i, "langsom omsetter (Poor Metabolizer)", drugs));
        }
        ReportModel model = new ReportModel("nb", "Kari Nordmann", "2024-04-02", "pgx-knowledge 2026.12.0: CPIC …",
                List.of(), genes, List.of(), List.of());

        String card = lastPage(PdfReport.render(model)).replaceAll("\\s+", " ");

        int shown = 0;
        for (int i = 1; i <= 20; i++) {
            if (card.contains("GEN" + i + " langsom omsetter")) {
                shown++;
            }
        }
        Matcher more = Pattern.compile("\\+ (\\d+) resultater til: se rapporten").matcher(card);
        assertThat(more.find()).as("the card counts what does not fit: " + card).isTrue();
        assertThat(shown).isPositive();
        assertThat(shown + Integer.parseInt(more.group(1))).isEqualTo(20);
        assertThat(card).contains("Kunnskapsgrunnlag: pgx-knowledge 2026.12.0");
    }

    @Test
    void aFewResultsFitWithoutACount() throws IOException {
        List<GeneAdvice> genes = List.of(new GeneAdvice("CYP2C19", "langsom omsetter (Poor Metabolizer)",
                List.of(new DrugLine("klopidogrel", null, "Unngå", null, null, "CPIC", true))));
        ReportModel model = new ReportModel("nb", null, "2024-04-02", "pgx-knowledge 2026.12.0: CPIC …", List.of(),
                genes, List.of(), List.of());

        String card = lastPage(PdfReport.render(model));

        assertThat(card).contains("CYP2C19 langsom omsetter. Unngå eller bytt: klopidogrel").doesNotContain(
                "resultater til");
    }

    private static String lastPage(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(doc.getNumberOfPages());
            text.setEndPage(doc.getNumberOfPages());
            return text.getText(doc);
        }
    }
}
