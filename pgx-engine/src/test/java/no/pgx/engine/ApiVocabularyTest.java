package no.pgx.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import no.pgx.knowledge.CsvTable;

/**
 * The typed values of the API ({@link GuidelineSource}, {@link Strength}, {@link Population}) cover every value the
 * bundled knowledge carries, and their labels are the tables' spelling, so the output stays as it was.
 */
class ApiVocabularyTest {
    private static final String ROOT = "no/pgx/knowledge/";

    private static Set<String> column(String table, String column) {
        Set<String> values = new TreeSet<>();
        for (CsvTable.Row r : CsvTable.readResource(ROOT + table).rows()) {
            values.add(r.get(column));
        }
        return values;
    }

    @Test
    void everySourceOfTheKnowledgeIsAGuidelineSourceWithTheSameLabel() {
        Set<String> sources = new TreeSet<>();
        sources.addAll(column("guidelines/guidelines.csv", "source"));
        sources.addAll(column("vocabulary/dosing-algorithms.csv", "source"));
        sources.addAll(column("clinical/test-before-start.csv", "authority"));
        assertThat(sources).contains("CPIC", "DPWG", "SmPC");
        for (String s : sources) {
            assertThat(GuidelineSource.of(s).label()).isEqualTo(s);
        }
    }

    @Test
    void everyStrengthOfTheRecommendationTablesIsAStrengthWithTheSameLabel() {
        Set<String> strengths = new TreeSet<>();
        strengths.addAll(column("guidelines/recommendations-cpic.csv", "strength"));
        strengths.addAll(column("guidelines/recommendations-dpwg.csv", "strength"));
        assertThat(strengths).contains("Strong", "Not graded");
        for (String s : strengths) {
            assertThat(Strength.of(s).label()).isEqualTo(s);
        }
        assertThat(Strength.of("")).isEqualTo(Strength.NONE);
        assertThat(Strength.NONE.label()).isEmpty();
    }

    @Test
    void unknownLabelsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> GuidelineSource.of("PharmGKB")).isInstanceOf(PgxException.class)
                .hasMessageContaining("PharmGKB").extracting(e -> ((PgxException) e).field()).isEqualTo("source");
        assertThatThrownBy(() -> Strength.of("Very strong")).isInstanceOf(PgxException.class)
                .extracting(e -> ((PgxException) e).field()).isEqualTo("strength");
    }

    @Test
    void populationsAreDiscoverableAndCoverTheRecommendationTables() {
        List<Population> known = Population.known();
        assertThat(known.get(0).id()).isEqualTo(Population.GENERAL);
        assertThat(known).allSatisfy(p -> assertThat(p.label()).isNotNull());
        Set<String> used = new TreeSet<>();
        used.addAll(column("guidelines/recommendations-cpic.csv", "population"));
        used.addAll(column("guidelines/recommendations-dpwg.csv", "population"));
        assertThat(known).extracting(Population::id).containsAll(used);
        assertThat(Population.byId("adults")).get().extracting(p -> p.label().en()).asString().contains("18");
        assertThat(Population.byId("martians")).isEmpty();
    }
}
