package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import no.pgx.engine.Assessment;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.assess.RowCases.TableRow;
import no.pgx.terminology.drug.DrugCatalog;

/**
 * Every shipped row's finding has a summary of at most 140 characters in English and Bokmål that fits without being
 * cut, names the drug in the language's spelling, and a Markdown detail with the source and guideline link. The same
 * holds for the phenoconverted variant of every row whose key a normal genotype plus a CYP inhibitor or inducer
 * reaches: the summary then also names the perpetrator.
 */
class FindingTextTest {
    private static final DrugCatalog CATALOG = DrugCatalog.loadDefault();

    static Stream<TableRow> rows() {
        return RowCases.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void summariesFitAndDetailsCiteTheGuideline(TableRow row) {
        Assessment a = RowCases.ASSESSOR.assess(RowCases.results(row), RowCases.request(row), new ArrayList<>());
        Finding f = a.findings().stream().filter(x -> x.recommendationId().equals(row.id())).findFirst().orElseThrow();
        String nb = CATALOG.byId(row.drug()).orElseThrow().nameNb();

        assertThat(f.summary().en()).hasSizeLessThanOrEqualTo(140).doesNotEndWith("…")
                .startsWithIgnoringCase(row.drug());
        assertThat(f.summary().nb()).hasSizeLessThanOrEqualTo(140).doesNotEndWith("…").startsWithIgnoringCase(nb);
        assertThat(f.detail().en()).contains("**Source:** " + row.source()).contains("(" + f.guideline().url() + ")");
        assertThat(f.detail().nb()).contains("**Kilde:** " + row.source()).contains("(genotypebasert)");
    }

    /**
     * A row key → a perpetrator (the longest name of its class in the perpetrator table, the worst case for the
     * summary length) that turns a normal metabolizer ({@code *1/*1}) into that key under the policy.
     */
    private static final Map<String, String> PERPETRATOR = Map.of(
            "CYP2D6=0.0", "terbinafine",                       // strong: activity score 2.0 x 0
            "CYP2D6=1.0", "thioridazine",                      // moderate: 2.0 x 0.5
            "CYP2C19=Poor Metabolizer", "ticlopidine",         // strong inhibitor
            "CYP2C19=Intermediate Metabolizer", "esomeprazole", // moderate inhibitor: one class down
            "CYP2C19=Rapid Metabolizer", "apalutamide",        // strong inducer: one class up
            "CYP2C9=1.0", "amiodarone");                       // moderate: 2.0 x 0.5

    /** A row with the gene to replace by a phenoconverted normal metabolizer, and the perpetrator. */
    record ConvertedRow(TableRow row, String gene, String perpetrator) {
        @Override
        public String toString() {
            return row + " with " + perpetrator;
        }
    }

    static Stream<ConvertedRow> convertedRows() {
        List<ConvertedRow> out = new ArrayList<>();
        RowCases.rows().forEach(row -> converted(row).ifPresent(out::add));
        assertThat(out).hasSizeGreaterThan(100);
        return out.stream();
    }

    private static Optional<ConvertedRow> converted(TableRow row) {
        for (String part : row.key().split(";")) {
            String perpetrator = PERPETRATOR.get(part);
            if (perpetrator != null && !perpetrator.equals(row.drug())) {
                return Optional.of(new ConvertedRow(row, part.substring(0, part.indexOf('=')), perpetrator));
            }
        }
        return Optional.empty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convertedRows")
    void phenoconvertedSummariesFitAndNameThePerpetrator(ConvertedRow c) {
        List<GeneResult> results = new ArrayList<>();
        for (GeneResult r : RowCases.results(c.row())) {
            results.add(r.gene().equals(c.gene()) ? RowCases.CALLER.call(GeneInput.diplotype(c.gene(), "*1/*1")) : r);
        }
        Assessment a = RowCases.ASSESSOR.assess(results, RowCases.request(c.row(), List.of(c.perpetrator())),
                new ArrayList<>());
        Finding f = a.findings().stream().filter(x -> x.recommendationId().equals(c.row().id())).findFirst()
                .orElseThrow(() -> new AssertionError("row not selected: " + a.findings()));
        String nb = CATALOG.byId(c.row().drug()).orElseThrow().nameNb();
        String perpetratorNb = CATALOG.byId(c.perpetrator()).orElseThrow().nameNb();

        assertThat(f.phenoconverted()).isTrue();
        assertThat(f.phenoconversions()).extracting(p -> p.perpetrator()).containsExactly(c.perpetrator());
        assertThat(f.summary().en()).hasSizeLessThanOrEqualTo(140).doesNotEndWith("…")
                .startsWithIgnoringCase(c.row().drug()).contains("phenoconverted");
        // Bokmål in plain words ("fungerer som langsom omsetter fordi paroksetin hemmer CYP2D6"), not "fenokonvertert"
        assertThat(f.summary().nb()).hasSizeLessThanOrEqualTo(140).doesNotEndWith("…").startsWithIgnoringCase(nb)
                .contains("fungerer som").doesNotContain("fenokonvert");
        if (!c.row().key().contains(";")) {  // one gene: the perpetrator always fits the summary
            assertThat(f.summary().en()).contains("phenoconverted by " + c.perpetrator());
            assertThat(f.summary().nb()).containsIgnoringCase(perpetratorNb);
        }
        assertThat(f.detail().en()).contains("phenoconverted by " + c.perpetrator() + " (")
                .contains("genotype-predicted: *1/*1").contains("**Source:** " + c.row().source());
        assertThat(f.detail().nb()).containsIgnoringCase("fordi " + perpetratorNb + " " + verbNb(f))
                .contains("etter genotype: *1/*1").doesNotContain("fenokonvert");
    }

    private static String verbNb(Finding f) {
        return f.phenoconversions().get(0).effect().equals("inducer") ? "induserer" : "hemmer";
    }
}
