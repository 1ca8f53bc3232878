package no.pgx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phenotype --input} on input that is not clean CSV: never a stack trace; a row that cannot be read is an
 * {@code ERROR} row and the batch goes on; input that is not a gene,diplotype file at all exits with 2.
 */
class PhenotypeInputRobustnessTest {
    @TempDir
    Path dir;

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            b.writeBytes(p instanceof byte[] a ? a : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private Path file(byte[] content) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.write(f, content);
        return f;
    }

    private static void assertNoStackTrace(CliRun r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void binaryDataIsUnusableInputWithAClearMessage() throws IOException {
        CliRun r = CliRun.run("", "phenotype", "--input", file(randomBytes(3000)).toString());
        assertNoStackTrace(r);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the first line must be the header gene,diplotype");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void binaryDataAfterTheHeaderGivesErrorRowsAndTheRowsAfterItAreCalled() throws IOException {
        byte[] input = bytes("gene,diplotype\nCYP2D6,*1/*4\n", randomBytes(3000), "\nCYP2C19,*2/*2\n");
        CliRun r = CliRun.run("", "phenotype", "--input", file(input).toString());
        assertNoStackTrace(r);
        assertThat(r.code()).isEqualTo(1);
        List<List<String>> rows = r.rows();
        assertThat(rows.get(1)).startsWith("CYP2D6", "*1/*4", "Intermediate Metabolizer");
        assertThat(rows.get(rows.size() - 1)).startsWith("CYP2C19", "*2/*2", "Poor Metabolizer");
        assertThat(rows.subList(2, rows.size() - 1)).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get(5)).isEqualTo("ERROR"))
                .anySatisfy(row -> assertThat(row.get(6)).contains("not UTF-8"));
    }

    @Test
    void aLatin1RowIsAnErrorRowAndTheOtherRowsAreCalled() throws IOException {
        byte[] latin1 = bytes("gene,diplotype\nCYP2D6,*1/*4\nCYP2D6,", new byte[] {(byte) 0xF8}, "/*1\nCYP2C19,*2/*2\n");
        for (CliRun r : List.of(CliRun.run("", "phenotype", "--input", file(latin1).toString()),
                CliRun.run(latin1, "phenotype", "--input", "-"))) {
            assertNoStackTrace(r);
            assertThat(r.code()).isEqualTo(1);
            List<List<String>> rows = r.rows();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(1).get(5)).isEqualTo("OK");
            assertThat(rows.get(2).get(5)).isEqualTo("ERROR");
            assertThat(rows.get(2).get(6)).contains("line 3").contains("not UTF-8").contains("0xF8");
            assertThat(rows.get(3)).startsWith("CYP2C19", "*2/*2", "Poor Metabolizer");
        }
    }

    @Test
    void aDirectoryIsUnusableInput() {
        CliRun r = CliRun.run("", "phenotype", "--input", dir.toString());
        assertNoStackTrace(r);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(dir.toString()).contains("directory");
    }

    @Test
    void garbageLinesAreErrorRowsAndAControlCharacterIsNeverTrimmedAway() throws IOException {
        byte[] input = bytes("gene,diplotype\nCYP2D6,*1/*1\n,,,,,\n\"\"\"\"\n\"\u0001\u0002\",\u007f\n",
                "CYP2D6,*1/*4\u0000\nCYP2D6,\u200B*1/*4\nCYP2C19,*2/*2\n");
        CliRun r = CliRun.run("", "phenotype", "--input", file(input).toString());
        assertNoStackTrace(r);
        assertThat(r.code()).isEqualTo(1);
        List<List<String>> rows = r.rows();
        assertThat(rows).hasSize(8);
        assertThat(rows.get(1).get(5)).isEqualTo("OK");
        assertThat(rows.subList(2, 7)).allSatisfy(row -> assertThat(row.get(5)).isEqualTo("ERROR"));
        assertThat(rows.get(4).get(6)).contains("line 5").contains("gene contains a control character (U+0001)");
        assertThat(rows.get(5)).containsExactly("CYP2D6", "*1/*4\uFFFD", "", "", "", "ERROR",
                "line 6: diplotype contains a control character (U+0000); remove it");
        assertThat(rows.get(6).get(6)).contains("U+200B");
        assertThat(rows.get(7)).startsWith("CYP2C19", "*2/*2", "Poor Metabolizer");
    }

    @Test
    void anUnclosedQuoteIsAnErrorOfItsOwnLineAndTheRestIsCalled() {
        CliRun r = CliRun.run("gene,diplotype\nCYP2D6,*1/*1\nDPYD,\"Reference/c.61C>T\nCYP2C19,*2/*2\nCYP2D6,*1/*4\n",
                "phenotype", "--input", "-");
        assertThat(r.code()).isEqualTo(1);
        List<List<String>> rows = r.rows();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1).get(5)).isEqualTo("OK");
        assertThat(rows.get(2).get(5)).isEqualTo("ERROR");
        assertThat(rows.get(2).get(6)).contains("line 3").contains("not closed");
        assertThat(rows.get(3)).startsWith("CYP2C19", "*2/*2", "Poor Metabolizer");
        assertThat(rows.get(4)).startsWith("CYP2D6", "*1/*4", "Intermediate Metabolizer");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsAccepted() {
        CliRun r = CliRun.run("\uFEFFgene,diplotype\r\nCYP2D6,*1/*4\r\n", "phenotype", "--input", "-");
        assertThat(r.code()).isZero();
        assertThat(r.rows().get(1)).startsWith("CYP2D6", "*1/*4", "Intermediate Metabolizer");
    }

    @Test
    void theSingleFormRefusesAControlCharacter() {
        CliRun r = CliRun.run("", "phenotype", "CYP2C19", "*2/*2\u0001");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("diplotype contains a control character (U+0001)");
        assertThat(r.out()).isEmpty();
    }
}
