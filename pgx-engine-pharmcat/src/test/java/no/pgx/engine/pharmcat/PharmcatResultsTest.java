package no.pgx.engine.pharmcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Problem;
import no.pgx.engine.ResultState;

/** Reads the small files in src/test/resources/pharmcat, written in PharmCAT's documented formats. */
class PharmcatResultsTest {
    private static PgxEngine engine;

    static synchronized PgxEngine engine() {
        if (engine == null) {
            engine = PgxEngine.builder().build();
        }
        return engine;
    }

    static PharmcatResults read(String name) throws URISyntaxException {
        return PharmcatResults.read(Path.of(PharmcatResultsTest.class.getResource("/pharmcat/" + name).toURI()));
    }

    static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::message).toList();
    }

    @Test
    void thePhenotyperOutputIsMappedToTheFourResultStates() throws Exception {
        PharmcatResults r = read("sample.phenotype.json");

        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::phenotype,
                GeneInput::activityScore, GeneInput::alleleStatus).containsExactly(
                tuple("CYP2C19", "*2/*17", "Intermediate Metabolizer", null, null),
                tuple("CYP2D6", "*1/*4", "Intermediate Metabolizer", "1.0", null),
                // the recommendation diplotype: DPYD's lowest-function variant pair
                tuple("DPYD", "c.1905+1G>A/Reference", "Intermediate Metabolizer", "1.0", null),
                tuple("SLCO1B1", null, "Indeterminate", null, null),
                tuple("TPMT", null, "Indeterminate", null, null),
                tuple("HLA-B", null, null, null, "*57:01 positive"),
                // "No CPIC variants found" is Reference/Reference
                tuple("CACNA1S", "Reference/Reference", "Uncertain Susceptibility", null, null));
        List<GeneResult> called = r.results().stream().map(engine()::call).toList();
        assertThat(called).extracting(GeneResult::gene, GeneResult::state).containsExactly(
                tuple("CYP2C19", ResultState.ACTIONABLE), tuple("CYP2D6", ResultState.ACTIONABLE),
                tuple("DPYD", ResultState.ACTIONABLE), tuple("SLCO1B1", ResultState.INDETERMINATE),
                tuple("TPMT", ResultState.INDETERMINATE), tuple("HLA-B", ResultState.ACTIONABLE),
                tuple("CACNA1S", called.get(6).state()));
        assertThat(called).allSatisfy(g -> assertThat(g.warnings()).isEmpty());
        // Unknown/Unknown with call source NONE is not tested: no input, a note, never "normal"
        assertThat(r.results()).extracting(GeneInput::gene).doesNotContain("CYP2C9");
        assertThat(messages(r.notes()))
                .anySatisfy(m -> assertThat(m).contains("CYP2C9", "not tested"))
                .anySatisfy(m -> assertThat(m).contains("CYP2D6", "outside call"))
                .anySatisfy(m -> assertThat(m).contains("HLA-B", "outside call"));
        assertThat(r.problems()).extracting(Problem::gene).containsExactly("SLCO1B1", "TPMT", "CYP2B6");
        assertThat(messages(r.problems())).anySatisfy(m -> assertThat(m).contains("[*6 + *9]/*1", "combination"));
    }

    @Test
    void theReportJsonOfPharmcat2IsReadCpicFirstWithItsDateAndVersion() throws Exception {
        PharmcatResults r = read("sample.report.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("CYP2C19", "*1/*1"), tuple("CYP3A5", "*3/*3"), tuple("UGT1A1", "*28/*28"));
        assertThat(r.results().get(0).provenance().testDate()).isEqualTo(LocalDate.of(2023, 9, 22));
        assertThat(r.results().get(0).provenance().lab()).isEqualTo("PharmCAT v2.7.1");
    }

    @Test
    void outsideCallsAreReadAndBadLinesAreNamed() throws Exception {
        PharmcatResults r = read("sample.outside-calls.tsv");

        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::activityScore,
                GeneInput::alleleStatus).containsExactly(
                tuple("CYP2D6", "*1x≥3/*4", null, null),
                tuple("CYP2C9", null, "2.0", null),
                tuple("HLA-B", null, null, "*57:01 positive"),
                tuple("MT-RNR1", "1555A>G", null, null));
        assertThat(r.problems()).hasSize(2);
        assertThat(messages(r.problems()))
                .anySatisfy(m -> assertThat(m).contains("line 6", "not an outside call"))
                .anySatisfy(m -> assertThat(m).contains("line 7", "5 tab-separated fields"));
        GeneResult cyp2d6 = engine().call(r.results().get(0));
        assertThat(cyp2d6.state()).isEqualTo(ResultState.ACTIONABLE);
    }

    @Test
    void aPharmcatCarrierOfHlaB5701IsToldToAvoidAbacavir() throws Exception {
        PharmcatResults r = read("sample.outside-calls.tsv");

        List<Finding> findings = engine().assess(AssessmentRequest.builder().results(r.results()).drug("abacavir")
                .build()).findings();

        assertThat(findings).extracting(Finding::action).contains(Action.AVOID);
    }

    @Test
    void unreadableInputIsOneProblem() {
        assertThat(PharmcatResults.parse("{\"x\":1}", "x.json").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("geneReports"));
        assertThat(PharmcatResults.parse("{oops", "x.json").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not valid JSON"));
        assertThat(PharmcatResults.read(Path.of("does-not-exist.tsv")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Cannot read"));
        assertThat(PharmcatResults.parse("# only a comment\n", "x.tsv").nothingRead()).isTrue();
    }
}
