package no.pgx.cli;

import static no.pgx.cli.CliRun.run;
import static no.pgx.cli.InteropPhenotypeTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pgx-cli report}: the patient report from a CSV, a PharmCAT file or a FHIR document, as HTML or PDF. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void aPdfReportFromAPharmcatFileInBokmal() throws URISyntaxException, IOException {
        Path out = dir.resolve("report.pdf");

        CliRun run = run("", "report", "--pharmcat", fixture("patient.phenotype.json"), "--out", out.toString(),
                "--patient", "Kari Nordmann", "--date", "2026-12-04");

        assertThat(run.code()).as(run.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(out))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Farmakogenetisk pasientrapport", "Kari Nordmann", "2026-12-04",
                    "langsom omsetter (Poor Metabolizer)", "klopidogrel", "abakavir", "Farmakogenetisk kort",
                    "pgx-knowledge ");
            // the gene PharmCAT did not call is said not to be tested, never shown as normal
            assertThat(text).contains("TPMT: PharmCAT made no call");
        }
        assertThat(run.err()).contains("wrote " + out + " (PDF, Bokmål)");
    }

    @Test
    void anEnglishHtmlReportFromCsvWithTestDateAndLab() throws IOException {
        Path out = dir.resolve("report.html");
        String csv = "gene,diplotype,test_date,lab\nCYP2C19,*2/*2,2024-03-12,Testlab Oslo\nCYP2C9,*1/*1,2024-03-12,"
                + "Testlab Oslo\n";

        CliRun run = run(csv, "report", "--input", "-", "--lang", "en", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("<html lang=\"en\">", "2024-03-12", "Testlab Oslo", "clopidogrel",
                "<strong>Avoid</strong>").doesNotContain("klopidogrel");
        assertThat(html.substring(html.indexOf("id=\"normal\""))).contains("CYP2C9");
    }

    @Test
    void aCsvRowThatCannotBeUsedIsListedInTheReportAndExitsOne() throws IOException {
        Path out = dir.resolve("report.html");
        String csv = "gene,diplotype,test_date\nCYP2C19,*2/*2,2024-03-12\nCYP2D6,*1/*4,12.03.2024\n";

        CliRun run = run(csv, "report", "--input", "-", "--out", out.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("<stdin> line 3: test_date '12.03.2024' is not a date YYYY-MM-DD");
        String notes = Files.readString(out);
        assertThat(notes.substring(notes.indexOf("id=\"notes\""))).contains("12.03.2024");
    }

    @Test
    void aFhirReportListsWhatWasNotRead() throws URISyntaxException, IOException {
        Path out = dir.resolve("report.html");

        CliRun run = run("", "report", "--fhir", fixture("hla-b-glstring.json"), "--format", "html", "--out",
                out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("HLA-B*57:01 påvist", "abakavir", "Farmakogenetisk testlab");
        assertThat(html.substring(html.indexOf("id=\"notes\""))).contains("c19-old", "dv-1");
    }

    @Test
    void nothingReadMeansNoReport() throws URISyntaxException {
        Path out = dir.resolve("report.pdf");

        CliRun run = run("", "report", "--fhir", fixture("variants-only.json"), "--out", out.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no gene result could be read");
        assertThat(out).doesNotExist();
    }

    @Test
    void usageErrors() {
        assertThat(run("", "report", "--input", "-", "--out", "x.txt").err()).contains("--format html or pdf");
        assertThat(run("", "report", "--out", "x.pdf").err()).contains("give one of --input");
        assertThat(run("", "report", "--input", "-").code()).isEqualTo(2);
        CliRun header = run("gen,dip\nCYP2D6,*1/*1\n", "report", "--input", "-", "--out", "x.pdf");
        assertThat(header.code()).isEqualTo(2);
        assertThat(header.err()).contains("the header needs 'gene'");
    }
}
