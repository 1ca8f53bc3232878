package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import no.pgx.engine.Assessment;
import no.pgx.engine.Finding;
import no.pgx.engine.assess.RowCases.TableRow;
import no.pgx.knowledge.CsvTable;

/**
 * Table-driven over the shipped CPIC and DPWG tables: for every row, a patient whose results are the row's key (in the
 * row's population) gets that row, with the row's strength and action, and no other row of the same source fires. An
 * order without an indication takes the action curation/indication-actions.csv gives for {@code unknown}, if any; a row
 * whose advice is a test of the phenotype (curation/test-actions.csv) has the action TEST_REQUIRED.
 */
class RecommendationTableTest {
    private static final Map<String, String> UNKNOWN_INDICATION = new HashMap<>();

    static {
        for (CsvTable.Row r : CsvTable.readResource("no/pgx/knowledge/curation/indication-actions.csv").rows()) {
            if (List.of(r.require("indication").split("\\|")).contains("unknown")) {
                UNKNOWN_INDICATION.put(r.require("recommendation_id"), r.require("action"));
            }
        }
        for (CsvTable.Row r : CsvTable.readResource("no/pgx/knowledge/curation/test-actions.csv").rows()) {
            UNKNOWN_INDICATION.put(r.require("recommendation_id"), "TEST_REQUIRED");
        }
    }

    static Stream<TableRow> rows() {
        return RowCases.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowIsSelectedByItsOwnKeyAndPopulation(TableRow row) {
        Assessment a = RowCases.ASSESSOR.assess(RowCases.results(row), RowCases.request(row), new ArrayList<>());

        List<Finding> sameSlot = a.findings().stream()
                .filter(f -> f.source().label().equals(row.source()) && f.drug().equals(row.drug())
                        && f.population().id().equals(row.population()))
                .toList();
        assertThat(sameSlot).as("findings of %s", row).extracting(Finding::recommendationId)
                .containsExactly(row.id());
        Finding f = sameSlot.get(0);
        assertThat(f.strength().label()).isEqualTo(row.strength());
        assertThat(f.action().name()).isEqualTo(UNKNOWN_INDICATION.getOrDefault(row.id(), row.action()));
        assertThat(f.guideline()).isNotNull();
        assertThat(f.guideline().url()).startsWith("https://");
        assertThat(a.problems()).isEmpty();
    }
}
