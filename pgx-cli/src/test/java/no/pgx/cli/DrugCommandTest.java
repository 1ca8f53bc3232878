package no.pgx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrugCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new DrugCommand().run(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsIngredientWithNorwegianNameCodesAndMatchKind() {
        assertThat(run("Klopidogrel", "Krka", "tab", "75", "mg")).isZero();
        assertThat(output()).contains("match: TEXT", "ingredient: clopidogrel", "nb: klopidogrel", "ATC: B01AC04",
                "RxNorm: 32968");
    }

    @Test
    void systemOptionResolvesACodeInThatSystem() {
        assertThat(run("309362", "--system", "http://www.nlm.nih.gov/research/umls/rxnorm")).isZero();
        assertThat(output()).contains("match: RXNORM_PRODUCT 309362", "ingredient: clopidogrel");
    }

    @Test
    void combinationShowsPossibleIngredients() {
        assertThat(run("N02AA59")).isZero();
        assertThat(output()).contains("ATC_COMBINATION", "ingredient: codeine", "possible ingredient: ibuprofen");
    }

    @Test
    void unresolvedInputExitsWithOneAndNamesTheInput() {
        assertThat(run("paracetamolx")).isEqualTo(1);
        assertThat(output()).contains("match: UNRESOLVED", "paracetamolx");
    }

    @Test
    void usageErrors() {
        assertThatThrownBy(() -> run()).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> run("x", "--system")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> run("x", "--frobnicate")).isInstanceOf(UsageException.class);
    }
}
