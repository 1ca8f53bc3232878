package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import no.pgx.engine.Assessment;
import no.pgx.engine.Finding;
import no.pgx.engine.assess.RowCases.TableRow;
import no.pgx.terminology.drug.DrugCatalog;

/**
 * Every shipped row's finding has a summary of at most 140 characters in English and Bokmål that fits without being
 * cut, names the drug in the language's spelling, and a Markdown detail with the source and guideline link.
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
}
