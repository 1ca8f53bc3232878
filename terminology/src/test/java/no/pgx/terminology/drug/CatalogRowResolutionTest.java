package no.pgx.terminology.drug;

import no.pgx.knowledge.CsvTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every name and code in the bundled drug table resolves to its own row (and local-form codes say so). */
class CatalogRowResolutionTest {

    private static final DrugCatalog CATALOG = DrugCatalog.loadDefault();
    private static final CsvTable TABLE = Oracle.bundledTable(CatalogTables.DRUGS);
    private static final Set<String> CONFIDENCE = Set.of("source-checked", "recall-unverified");

    static Stream<Arguments> names() {
        return Oracle.rows(TABLE).flatMap(r -> {
            Stream<String> names = Stream.concat(Stream.of(r.get("id"), r.get("name_en"), r.get("name_nb")),
                    Oracle.split(r.get("synonyms")).stream());
            return names.filter(n -> !n.isEmpty()).distinct().map(n -> Arguments.of(r.get("id"), n));
        });
    }

    static Stream<Arguments> codes() {
        return Oracle.rows(TABLE).flatMap(r -> Stream.of(
                Oracle.split(r.get("atc")).stream().map(c -> Arguments.of(r.get("id"), Coding.ATC, c, false)),
                Oracle.split(r.get("atc_local")).stream().map(c -> Arguments.of(r.get("id"), Coding.ATC, c, true)),
                Stream.of(r.get("rxnorm_ingredient")).filter(c -> !c.isEmpty())
                        .map(c -> Arguments.of(r.get("id"), Coding.RXNORM, c, false)),
                Stream.of(r.get("snomed")).filter(c -> !c.isEmpty())
                        .map(c -> Arguments.of(r.get("id"), Coding.SNOMED, c, false)))
                .flatMap(s -> s));
    }

    static Stream<CsvTable.Row> rows() {
        return Oracle.rows(TABLE);
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("names")
    void everyNameResolvesToItsRow(String id, String name) {
        DrugMatch m = CATALOG.resolve(name);
        assertThat(m.kind()).isEqualTo(MatchKind.NAME);
        assertThat(m.ingredientIds()).containsExactly(id);
        assertThat(CATALOG.resolve(List.of(Coding.text(name + " 20 mg")), null).ingredientIds()).contains(id);
    }

    @ParameterizedTest(name = "{2} -> {0} (local form: {3})")
    @MethodSource("codes")
    void everyCodeResolvesToItsRow(String id, String system, String code, boolean local) {
        DrugMatch m = CATALOG.resolve(List.of(Coding.of(system, code)), null);
        assertThat(m.ingredientIds()).containsExactly(id);
        assertThat(m.system()).isEqualTo(system);
        assertThat(m.topical()).isEqualTo(local);
        assertThat(CATALOG.resolve(code).ingredientIds()).containsExactly(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyValueCarriesConfidenceAndSource(CsvTable.Row row) {
        boolean hasAtc = !(row.get("atc") + row.get("atc_local")).isEmpty();
        checkConfidence(row, hasAtc, "atc_confidence", "atc_source");
        checkConfidence(row, !row.get("name_nb").isEmpty(), "name_nb_confidence", "name_nb_source");
        checkConfidence(row, !row.get("rxnorm_ingredient").isEmpty(), "rxnorm_confidence", "rxnorm_source");
        checkConfidence(row, !row.get("snomed").isEmpty(), "snomed_confidence", "snomed_source");
        if (!row.get("snomed").isEmpty()) {
            assertThat(row.get("snomed_confidence")).as("SNOMED codes only where verified").isEqualTo("source-checked");
        }
        assertThat(row.get("roles")).isNotEmpty();
    }

    private static void checkConfidence(CsvTable.Row row, boolean hasValue, String confidence, String source) {
        if (hasValue) {
            assertThat(row.get(confidence)).as("%s of %s", confidence, row.get("id")).isIn(CONFIDENCE);
            assertThat(row.get(source)).as("%s of %s", source, row.get("id")).isNotEmpty();
        } else {
            assertThat(row.get(confidence)).as("%s of %s without value", confidence, row.get("id")).isEmpty();
        }
    }
}
