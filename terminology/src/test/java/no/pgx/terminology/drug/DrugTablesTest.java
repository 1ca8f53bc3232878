package no.pgx.terminology.drug;

import no.pgx.knowledge.CsvTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled tables state their provenance and cover every drug the rules and guidelines talk about. */
class DrugTablesTest {

    private static final DrugCatalog CATALOG = DrugCatalog.loadDefault();

    @ParameterizedTest
    @ValueSource(strings = {CatalogTables.DRUGS, CatalogTables.COMBINATIONS, CatalogTables.PRODUCTS,
        CatalogTables.ROUTES, CatalogTables.SALTS})
    void everyTableStatesSourceVersionAndLicence(String name) {
        CsvTable table = Oracle.bundledTable(name);
        assertThat(CatalogTables.headerValue(table, "source")).isNotEmpty();
        assertThat(CatalogTables.headerValue(table, "version")).isNotEmpty();
        assertThat(CatalogTables.headerValue(table, "licence")).isNotEmpty();
        assertThat(table.rows()).isNotEmpty();
    }

    @Test
    void combinationAndProductRowsCarryConfidence() {
        Oracle.rows(Oracle.bundledTable(CatalogTables.COMBINATIONS)).forEach(r -> {
            assertThat(r.get("confidence")).as(r.get("atc")).isIn("source-checked", "recall-unverified");
            assertThat(r.get("source")).as(r.get("atc")).isNotEmpty();
        });
        Oracle.rows(Oracle.bundledTable(CatalogTables.PRODUCTS))
                .forEach(r -> assertThat(r.get("source")).as(r.get("rxcui")).isNotEmpty());
    }

    static Stream<Arguments> perpetrators() {
        return Oracle.rows(Oracle.testTable("reference-cyp-modulators.csv"))
                .map(r -> Arguments.of(r.get("drug"), r.get("atc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perpetrators")
    void everyPerpetratorIsACatalogDrugWithItsCodes(String drug, String atc) {
        DrugMatch byName = CATALOG.resolve(drug);
        assertThat(byName.ingredientIds()).containsExactly(drug);
        assertThat(byName.ingredients().get(0).roles()).contains(DrugConcept.Role.PERPETRATOR);
        for (String code : Oracle.split(atc)) {
            assertThat(CATALOG.resolve(List.of(Coding.of(Coding.ATC, code)), null).ingredientIds())
                    .as(code).containsExactly(drug);
        }
    }

    static Stream<String> alternatives() {
        return Stream.concat(
                Oracle.rows(Oracle.testTable("reference-alternatives.csv"))
                        .filter(r -> r.get("substance").equals("yes")).map(r -> r.get("name")),
                // named in the issue besides the reference list
                Stream.of("letrozole", "exemestane", "levetiracetam", "bupropion"));
    }

    @ParameterizedTest
    @MethodSource("alternatives")
    void everyGuidelineAlternativeIsACatalogDrug(String name) {
        DrugMatch m = CATALOG.resolve(name);
        assertThat(m.isResolved()).as(m.message()).isTrue();
        assertThat(m.ingredients()).hasSize(1);
        assertThat(m.ingredients().get(0).atcCodes()).isNotEmpty();
    }

    @Test
    void ruleDrugsAreMarked() {
        assertThat(CATALOG.all().stream().filter(DrugConcept::isRuleDrug)).hasSize(98);
        assertThat(CATALOG.byId("CLOPIDOGREL")).get().extracting(DrugConcept::nameNb).isEqualTo("klopidogrel");
        assertThat(CATALOG.byId("no such drug")).isEmpty();
        assertThat(CATALOG.byId(null)).isEmpty();
        assertThat(CATALOG.version()).isNotEmpty();
    }

    @Test
    void noNameDenotesTwoSubstances() {
        NameIndex index = new NameIndex(CATALOG.all(), List.of());
        index.names().forEach((name, concepts) -> assertThat(concepts).as("name '%s'", name).hasSize(1));
    }
}
