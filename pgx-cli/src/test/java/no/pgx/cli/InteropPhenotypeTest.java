package no.pgx.cli;

import static no.pgx.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.pgx.engine.GeneInput;
import no.pgx.engine.fhir.FhirResults;

/**
 * {@code phenotype --pharmcat}, what {@code phenotype --fhir} did not read (one line per skipped or refused
 * Observation on standard error, standard output keeping its CSV), a file from which nothing could be read, and
 * {@code phenotype --fhir-out}.
 */
class InteropPhenotypeTest {
    @TempDir
    Path dir;

    static String fixture(String name) throws URISyntaxException {
        return Path.of(InteropPhenotypeTest.class.getResource("/interop/" + name).toURI()).toString();
    }

    @Test
    void aPharmcatPhenotypeFileIsCalledGeneByGene() throws URISyntaxException {
        CliRun run = run("", "phenotype", "--pharmcat", fixture("patient.phenotype.json"));

        List<List<String>> rows = run.rows();
        assertThat(rows.get(0)).containsExactly("gene", "diplotype", "phenotype", "activity_score", "lookup_key",
                "status", "message");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("CYP2C19", "*2/*2", "Poor Metabolizer"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("CYP2D6", "*1/*4", "Intermediate Metabolizer", "1.0"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("HLA-B", "*57:01 positive", "*57:01 positive"));
        // a gene PharmCAT did not call is not tested: no row that could look normal, and a note says so
        assertThat(rows).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo("TPMT"));
        assertThat(run.err()).contains("note: TPMT: PharmCAT made no call");
        assertThat(run.code()).isZero();
    }

    @Test
    void aPharmcatLineThatCannotBeMappedIsAnErrorRowAndTheOthersAreCalled() throws URISyntaxException {
        CliRun run = run("", "phenotype", "--pharmcat", fixture("sample.outside-calls.tsv"));

        assertThat(run.rows()).anySatisfy(r -> assertThat(r).startsWith("CYP2C19", "*2/*2", "Poor Metabolizer"));
        assertThat(run.rows()).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("CYP2B6");
            assertThat(r.get(5)).isEqualTo("ERROR");
            assertThat(r.get(6)).contains("[*6 + *9]/*1", "line 5");
        });
        assertThat(run.code()).isEqualTo(1);
    }

    @Test
    void everyObservationTheFhirReaderSkippedIsNamedOnStandardErrorAndStandardOutputStaysCsv()
            throws URISyntaxException {
        CliRun run = run("", "phenotype", "--fhir", fixture("hla-b-glstring.json"));

        assertThat(run.outLines()).containsExactly("gene,diplotype,phenotype,activity_score,lookup_key,status,message",
                "HLA-B,*15:01/*57:01,*57:01 positive;*58:01 negative;*15:02 negative,,"
                        + "*57:01 positive;*58:01 negative;*15:02 negative,OK,");
        assertThat(run.err()).contains("note: Observation c19-old (CYP2C19) has status entered-in-error; not read",
                "note: 1 variant-level Observation(s) (LOINC 69548-6)", "not read: dv-1");
        assertThat(run.code()).isZero();
    }

    @Test
    void aDocumentFromWhichNothingCouldBeReadSaysSoAndExitsTwo() throws URISyntaxException {
        CliRun run = run("", "phenotype", "--fhir", fixture("variants-only.json"));

        assertThat(run.outLines()).containsExactly("gene,diplotype,phenotype,activity_score,lookup_key,status,message");
        assertThat(run.err()).contains("dv-1, dv-2", "no gene result could be read from this FHIR file",
                "must not be taken as 'no findings'");
        assertThat(run.code()).isEqualTo(2);
    }

    @Test
    void fhirOutWritesABundleThatReadsBackToTheSameResults() throws URISyntaxException, IOException {
        Path out = dir.resolve("results.json");

        CliRun run = run("", "phenotype", "--pharmcat", fixture("patient.phenotype.json"), "--fhir-out",
                out.toString(), "--subject", "Patient/p1");

        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("wrote " + out);
        String json = Files.readString(out);
        assertThat(json).contains("\"resourceType\" : \"Bundle\"", "genomics-report", "Patient/p1");
        FhirResults back = FhirResults.fromJson(json);
        assertThat(back.problems()).isEmpty();
        assertThat(back.results()).extracting(GeneInput::gene)
                .containsExactlyInAnyOrder("CYP2C19", "CYP2C9", "CYP2D6", "DPYD", "SLCO1B1", "HLA-B");
        assertThat(back.results()).filteredOn(r -> r.gene().equals("CYP2C19"))
                .singleElement().extracting(GeneInput::diplotype).isEqualTo("*2/*2");
    }

    @Test
    void oneResultCanBeWrittenAsFhirToo() throws IOException {
        Path out = dir.resolve("one.json");

        CliRun run = run("", "phenotype", "HLA-B", "*57:01/*08:01", "--fhir-out", out.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("*57:01 positive");
        assertThat(Files.readString(out)).contains("HLA-B*08:01+HLA-B*57:01");
        assertThat(FhirResults.fromJson(Files.readString(out)).results()).singleElement()
                .satisfies(r -> assertThat(r.gene()).isEqualTo("HLA-B"));
    }

    @Test
    void fhirOutIsRefusedForABatchOfManyRowsAndBothFilesAtOnceAreRefused() throws URISyntaxException {
        CliRun batch = run("gene,diplotype\nCYP2D6,*1/*4\n", "phenotype", "--input", "-", "--fhir-out",
                dir.resolve("x.json").toString());
        CliRun both = run("", "phenotype", "--fhir", fixture("hla-b-glstring.json"), "--pharmcat",
                fixture("patient.phenotype.json"));

        assertThat(batch.code()).isEqualTo(2);
        assertThat(batch.err()).contains("--fhir-out writes one patient's results");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("either --fhir or --pharmcat");
    }
}
