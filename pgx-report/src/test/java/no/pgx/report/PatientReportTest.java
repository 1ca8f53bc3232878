package no.pgx.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.pgx.engine.AdviceBasis;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Problem;
import no.pgx.engine.Provenance;

class PatientReportTest {
    private static final Provenance LAB = new Provenance("obs-1", LocalDate.of(2024, 3, 12),
            "Farmakogenetisk testlab, Oslo", List.of());
    private static Assessment assessment;

    @BeforeAll
    static void assessEveryDrug() {
        PgxEngine engine = PgxEngine.builder().build();
        assessment = engine.assess(AssessmentRequest.builder()
                .result(new GeneInput("CYP2C19", "*2/*2", null, null, null, LAB))
                .result(new GeneInput("HLA-B", "*57:01/*08:01", null, null, null, LAB))
                .result(new GeneInput("SLCO1B1", "*1/*1", null, null, null, LAB))
                .result(new GeneInput("CYP2C9", "*1/*1", null, null, null, LAB))
                .result(new GeneInput("CYP2D6", "*1/*1x≥3", null, null, null, LAB))
                .build());
    }

    static PatientReport report(String language) {
        return PatientReport.builder(assessment).language(language).patient("Kari <Nordmann>")
                .date(LocalDate.of(2024, 4, 2))
                .unread(List.of(new Problem("TPMT", "value", "Observation tpmt-1 has no value; not read"))).build();
    }

    @Test
    void theHtmlHasTheLabResultsTheAdvicePerActionableResultAndAWalletCard() throws IOException {
        String html = report("nb").html();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/report.html"), html);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"nb\">", "@page { size: A4;",
                "page-break-before: always");
        String lab = section(html, "lab");
        assertThat(lab).contains("CYP2C19", "*2/*2", "langsom omsetter (Poor Metabolizer)", "2024-03-12",
                "Farmakogenetisk testlab, Oslo");
        assertThat(lab.split("<tr>").length - 2).as("one row per tested gene").isEqualTo(5);
        String actionable = section(html, "actionable");
        assertThat(actionable).contains("<h3>CYP2C19 – langsom omsetter (Poor Metabolizer)</h3>",
                "<h3>HLA-B – HLA-B*57:01 påvist", "<h3>CYP2D6 – ultrarask omsetter (Ultrarapid Metabolizer)</h3>");
        // one row per drug, from the engine's advice: the headline without the drug name, the sources with guideline
        // version and strength, and the drug class
        assertThat(row(actionable, "klopidogrel")).contains("blodplatehemmere",
                "<strong>Unngå</strong> – CYP2C19 langsom omsetter", "prasugrel", "CPIC 2022-01 (sterk, moderat)",
                "DPWG 2024-04-15 (ikke gradert)");
        assertThat(row(actionable, "abakavir")).contains("<strong>Unngå</strong> – HLA-B*57:01 påvist",
                "CPIC 2012-04 (sterk)");
        assertThat(row(actionable, "kodein")).contains("Unngå", "CYP2D6 ultrarask omsetter");
        // avoid advice says what to do; a dose for the drug one should not take would only confuse
        assertThat(row(actionable, "amitriptylin")).contains("Unngå").doesNotContain("Dose:");
        // the knowledge release the advice comes from
        assertThat(actionable).contains("Rådene bygger på retningslinjene fra CPIC og DPWG slik de står i"
                + " kunnskapsgrunnlaget: " + assessment.knowledgeVersion());
        assertThat(actionable).doesNotContain("SLCO1B1", "CYP2C9 –");
        assertThat(section(html, "normal")).contains("SLCO1B1", "CYP2C9", "ingen endring");
        assertThat(section(html, "notes")).contains("tpmt-1");
        String card = section(html, "card");
        assertThat(card).contains("Farmakogenetisk kort", "CYP2C19 langsom omsetter", "klopidogrel",
                "HLA-B*57:01 påvist. Unngå eller bytt: abakavir", "Kunnskapsgrunnlag: pgx-knowledge ")
                .doesNotContain("SLCO1B1", "HLA-B*58:01");
        // the patient's name is escaped, not markup
        assertThat(html).contains("Kari &lt;Nordmann&gt;").doesNotContain("<Nordmann>");
        assertThat(html).contains("Kunnskapsgrunnlag: " + assessment.knowledgeVersion());
    }

    @Test
    void theReportIsInEnglishOnRequest() {
        String html = report("en").html();

        assertThat(html).contains("<html lang=\"en\">", "Pharmacogenomic patient report", "clopidogrel",
                "Poor Metabolizer", "HLA-B*57:01 present", "Avoid");
        assertThat(html).doesNotContain("klopidogrel", "langsom omsetter");
    }

    @Test
    void thePdfHoldsTheSameTextWithTheWalletCardOnItsOwnPage() throws IOException {
        byte[] pdf = report("nb").pdf();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            PDFTextStripper text = new PDFTextStripper();
            String all = text.getText(doc).replaceAll("\\s+", " ");
            assertThat(all).contains("Farmakogenetisk pasientrapport", "Kari <Nordmann>", "langsom omsetter (Poor "
                    + "Metabolizer)", "klopidogrel", "abakavir", "Unngå", "SLCO1B1, CYP2C9", "*1/*1x>=3",
                    "Kunnskapsgrunnlag: " + assessment.knowledgeVersion());
            text.setStartPage(doc.getNumberOfPages());
            text.setEndPage(doc.getNumberOfPages());
            String card = text.getText(doc);
            assertThat(card).contains("Farmakogenetisk kort", "CYP2C19", "HLA-B").doesNotContain("SLCO1B1",
                    "Laboratoriesvar");
        }
    }

    @Test
    void theFirstPageRendersWithContent() throws IOException {
        byte[] pdf = report("nb").pdf();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 90);
                File png = new File("target/report-page-" + (page + 1) + ".png");
                ImageIO.write(image, "png", png);
                assertThat(darkPixels(image)).as("page " + (page + 1) + " has text").isGreaterThan(500);
            }
        }
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFF) < 100) {
                    dark++;
                }
            }
        }
        return dark;
    }

    @Test
    void aDrugWhoseAdviceConcernsTwoActionableResultsIsListedUnderEach() {
        String actionable = section(report("nb").html(), "actionable");
        String cyp2c19 = actionable.substring(actionable.indexOf("<h3>CYP2C19"), actionable.indexOf("<h3>HLA-B"));
        String cyp2d6 = actionable.substring(actionable.indexOf("<h3>CYP2D6"));

        assertThat(cyp2c19).contains("amitriptylin", "klopidogrel").doesNotContain("kodein");
        assertThat(cyp2d6).contains("amitriptylin", "kodein").doesNotContain("klopidogrel");
    }

    @Test
    void doseAdviceShowsTheDoseAndTheSourcesOfEachStatement() {
        Assessment dpyd = PgxEngine.builder().build().assess(AssessmentRequest.builder()
                .result(new GeneInput("DPYD", "c.1905+1G>A (*2A)/Reference", null, null, null, LAB)).build());
        String html = PatientReport.builder(dpyd).build().html();

        String row = row(section(html, "actionable"), "kapecitabin");
        assertThat(row).contains("<strong>Startdose 50 % av vanlig dose", "DPYD intermediær omsetter",
                "CPIC 2017-11 (sterk)", "DPWG 2024-04-15");
    }

    @Test
    void adviceThatRestsOnCoMedicationIsNotPartOfTheLifelongReport() {
        Assessment a = PgxEngine.builder().build().assess(AssessmentRequest.builder()
                .result(new GeneInput("CYP2D6", "*1/*1", null, null, null, LAB)).medication("paroxetine").build());
        assertThat(a.advice()).as("the engine does advise on the interaction")
                .anySatisfy(d -> assertThat(d.basis()).isEqualTo(AdviceBasis.INTERACTION));

        String html = PatientReport.builder(a).build().html();

        assertThat(section(html, "normal")).contains("CYP2D6");
        assertThat(section(html, "actionable")).contains("Ingen av resultatene krever endring");
    }

    /** @return the table row of a drug in a section */
    static String row(String section, String drug) {
        int at = section.indexOf("<strong>" + drug + "</strong>");
        assertThat(at).as("row of " + drug).isPositive();
        int start = section.lastIndexOf("<tr", at);
        return section.substring(start, section.indexOf("</tr>", at));
    }

    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isPositive();
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }
}
