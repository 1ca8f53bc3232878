package no.pgx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end contract of {@code pgx-cli phenotype} (the README's command-line section), through {@link Main#run}. */
class PhenotypeCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String stdin, String... args) {
        return CliRun.run(stdin, args);
    }

    @Test
    void batchWritesOneRowPerInputRowAndKeepsGoingAfterBadRows() throws IOException {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, String.join("\n",
                "gene,diplotype",
                "CYP2D6,*1/*4",
                "CYP2D6,*1x2/*4",
                "CYP2D6,*2x≥3/*10",
                "CYP2D6,*36+*10/*1",
                "CYP2D6,*1/*22",
                "CYP2D6,*1/*999",
                "CYP2D6,*1/",
                "NOSUCHGENE,*1/*1",
                "DPYD,\"c.1129-5923C>G, c.1236G>A (HapB3)/Reference\"",
                "DPYD,c.1905+1G>A (*2A)/Reference",
                "HLA-B,*57:01/*08:01",
                "CYP2C19,",
                "VKORC1,rs9923231 C/T",
                "CYP2C19,*1/*17,extra",
                ""), StandardCharsets.UTF_8);
        CliRun r = run("", "phenotype", "--input", file.toString());
        assertThat(r.code()).isEqualTo(1);
        List<List<String>> rows = r.rows();
        assertThat(rows.get(0)).containsExactly("gene", "diplotype", "phenotype", "activity_score", "lookup_key",
                "status", "message");
        assertThat(rows).hasSize(15);
        assertThat(rows.get(1)).containsExactly("CYP2D6", "*1/*4", "Intermediate Metabolizer", "1.0", "1.0", "OK", "");
        assertThat(rows.get(2).subList(2, 6)).containsExactly("Normal Metabolizer", "2.0", "2.0", "OK");
        assertThat(rows.get(3).subList(2, 6)).containsExactly("Ultrarapid Metabolizer", "≥3.25", "≥3.25", "OK");
        assertThat(rows.get(4).subList(2, 6)).containsExactly("Normal Metabolizer", "1.25", "1.25", "OK");
        assertThat(rows.get(5).subList(2, 6)).containsExactly("Indeterminate", "n/a", "n/a", "INDETERMINATE");
        assertThat(rows.get(6).get(5)).isEqualTo("ERROR");
        assertThat(rows.get(6).get(6)).contains("CYP2D6").contains("*999");
        assertThat(rows.get(7).get(5)).isEqualTo("ERROR");
        assertThat(rows.get(7).get(6)).contains("'*1/'");
        assertThat(rows.get(8)).startsWith("NOSUCHGENE", "*1/*1");
        assertThat(rows.get(8).get(6)).contains("NOSUCHGENE");
        assertThat(rows.get(9)).containsExactly("DPYD", "c.1129-5923C>G, c.1236G>A (HapB3)/Reference",
                "Intermediate Metabolizer", "1.5", "1.5", "OK", "");
        assertThat(rows.get(10).subList(2, 6)).containsExactly("Intermediate Metabolizer", "1.0", "1.0", "OK");
        assertThat(rows.get(11)).containsExactly("HLA-B", "*57:01/*08:01", "*57:01 positive;*58:01 negative;*15:02 negative",
                "", "*57:01 positive;*58:01 negative;*15:02 negative", "OK", "");
        assertThat(rows.get(12).get(5)).isEqualTo("ERROR");
        assertThat(rows.get(12).get(6)).contains("CYP2C19").contains("empty");
        assertThat(rows.get(13).subList(2, 6)).containsExactly("-1639 AG", "", "-1639 AG", "OK");
        assertThat(rows.get(14).get(5)).isEqualTo("ERROR");
        assertThat(rows.get(14).get(6)).contains("3 fields");
        assertThat(r.out()).contains("\"c.1129-5923C>G, c.1236G>A (HapB3)/Reference\"");
    }

    @Test
    void allGoodRowsExitZeroAndStandardInputWorks() {
        CliRun r = run("gene,diplotype\r\nCYP2C19,*2/*17\r\nMT-RNR1,m.1555A>G\r\nCYP2C9,*1/*7\r\n",
                "phenotype", "--input", "-");
        assertThat(r.code()).isZero();
        List<List<String>> rows = r.rows();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).subList(2, 6)).containsExactly("Intermediate Metabolizer", "", "Intermediate Metabolizer", "OK");
        assertThat(rows.get(2).get(2)).isEqualTo("increased risk of aminoglycoside-induced hearing loss");
        assertThat(rows.get(3).subList(2, 6)).containsExactly("Indeterminate", "n/a", "n/a", "INDETERMINATE");
    }

    @Test
    void singleCallPrintsAReadableResult() {
        CliRun r = run("", "phenotype", "CYP2D6", "*4/*1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Intermediate Metabolizer").contains("intermediær omsetter (Intermediate Metabolizer)")
                .contains("1.0").contains("ACTIONABLE").contains("as written: *4/*1");
        CliRun phenotype = run("", "phenotype", "CYP2C19", "--phenotype", "langsom omsetter");
        assertThat(phenotype.code()).isZero();
        assertThat(phenotype.out()).contains("Poor Metabolizer").contains("langsom omsetter");
        CliRun narrow = run("", "phenotype", "CYP2C19", "*1/*1", "--tested", "*2,*3,*17");
        assertThat(narrow.out()).contains("none of the tested variants");
        CliRun bad = run("", "phenotype", "CYP2D6", "*1/*2/*3");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("CYP2D6").contains("*1/*2/*3");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("", "phenotype").code()).isEqualTo(2);
        assertThat(run("", "phenotype", "--input").code()).isEqualTo(2);
        assertThat(run("", "phenotype", "--bogus", "x").code()).isEqualTo(2);
        assertThat(run("", "phenotype", "CYP2D6").code()).isEqualTo(2);
        CliRun missing = run("", "phenotype", "--input", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv");
        CliRun header = run("gen,dip\nCYP2D6,*1/*1\n", "phenotype", "--input", "-");
        assertThat(header.code()).isEqualTo(2);
        assertThat(header.err()).contains("gene,diplotype");
    }

    @Test
    void fhirBundleResultsAreCalledAndAMalformedObservationBecomesAnErrorRow() throws IOException {
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"resource":{"resourceType":"Observation","id":"g1","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},
                   "effectiveDateTime":"2021-03-01","valueString":"CYP2C19*2/*2"}},
                 {"resource":{"resourceType":"Observation","id":"g2","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},
                   "effectiveDateTime":"2021-03-01"}}]}
                """);
        CliRun run = run("", "phenotype", "--fhir", bundle.toString());
        List<List<String>> rows = run.rows();
        assertThat(rows.get(0)).containsExactly("gene", "diplotype", "phenotype", "activity_score", "lookup_key",
                "status", "message");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("CYP2C19", "*2/*2", "Poor Metabolizer"));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(5)).isEqualTo("ERROR");
            assertThat(r.get(6)).contains("g2");
        });
        assertThat(run.code()).isEqualTo(1);
    }
}
