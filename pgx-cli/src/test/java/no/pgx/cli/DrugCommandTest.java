package no.pgx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code pgx-cli drug}: how a name or code resolves, through {@link Main#run}. */
class DrugCommandTest {
    private static CliRun run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "drug";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run("", all);
    }

    @Test
    void printsIngredientWithNorwegianNameCodesAndMatchKind() {
        CliRun r = run("Klopidogrel", "Krka", "tab", "75", "mg");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("match: TEXT", "ingredient: clopidogrel", "nb: klopidogrel", "ATC: B01AC04",
                "RxNorm: 32968");
    }

    @Test
    void systemOptionResolvesACodeInThatSystem() {
        CliRun r = run("309362", "--system", "http://www.nlm.nih.gov/research/umls/rxnorm");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("match: RXNORM_PRODUCT 309362", "ingredient: clopidogrel");
    }

    @Test
    void combinationShowsPossibleIngredients() {
        CliRun r = run("N02AA59");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ATC_COMBINATION", "ingredient: codeine", "possible ingredient: ibuprofen");
    }

    @Test
    void unresolvedInputExitsWithOneAndNamesTheInput() {
        CliRun r = run("paracetamolx");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("match: UNRESOLVED", "paracetamolx");
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        assertThat(run().code()).isEqualTo(2);
        CliRun system = run("x", "--system");
        assertThat(system.code()).isEqualTo(2);
        assertThat(system.err()).contains("--system");
        CliRun unknown = run("x", "--frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--frobnicate");
        assertThat(unknown.out()).isEmpty();
    }
}
