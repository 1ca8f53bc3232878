package no.pgx.terminology.drug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import no.pgx.knowledge.CsvTable;

/**
 * Issue 11 §6: Norwegian trade names and product texts resolve to their catalog ingredients, for every row of
 * {@code drug/trade-names.csv}; local products (creams, eye drops) are recognised as local by the one route
 * classifier of the catalog.
 */
class TradeNameResolutionTest {

    private static final DrugCatalog CATALOG = DrugCatalog.loadDefault();
    private static final CsvTable TABLE = CsvTable.readResource(CatalogTables.BASE + CatalogTables.TRADE_NAMES,
            TradeNameResolutionTest.class.getClassLoader());

    /** One table row: name, catalog ingredient ids, other ingredients, whether every route is local. */
    record Row(String name, List<String> catalog, List<String> others, boolean local) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row r : TABLE.rows()) {
            List<String> catalog = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (String id : r.require("ingredients").split("\\|")) {
                (CATALOG.byId(id).isPresent() ? catalog : others).add(id);
            }
            boolean local = TradeNames.LOCAL_ROUTES.containsAll(List.of(r.require("routes").split("\\|")));
            rows.add(new Row(r.require("name"), catalog, others, local));
        }
        return rows.stream();
    }

    static Stream<Row> productsWithCatalogIngredients() {
        return rows().filter(r -> !r.catalog().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("productsWithCatalogIngredients")
    void everyTradeNameResolvesToItsCatalogIngredients(Row row) {
        DrugMatch byName = CATALOG.resolve(row.name());
        assertThat(byName.ingredientIds()).as(byName.message()).containsExactlyInAnyOrderElementsOf(row.catalog());
        assertThat(byName.kind()).as("TEXT only when the name itself contains a substance name (Kinidin Durules)")
                .isIn(MatchKind.TRADE_NAME, MatchKind.TEXT);
        assertThat(byName.topical()).as("local product").isEqualTo(row.local());

        DrugMatch upper = CATALOG.resolve(row.name().toUpperCase(java.util.Locale.ROOT) + " 10 mg");
        assertThat(upper.ingredientIds()).containsExactlyInAnyOrderElementsOf(row.catalog());
    }

    @ParameterizedTest
    @MethodSource("rows")
    void productTextWithStrengthAndFormResolvesLikeTheName(Row row) {
        String form = row.local() ? "krem 5 %" : "2,5 mg tabletter";
        DrugMatch m = CATALOG.resolve(List.of(), row.name() + " " + form);
        assertThat(m.ingredientIds()).as(m.message()).containsExactlyInAnyOrderElementsOf(row.catalog());
        if (!row.catalog().isEmpty()) {
            assertThat(m.topical()).as(m.message()).isEqualTo(row.local());
        }
    }

    @ParameterizedTest
    @MethodSource("rows")
    void ingredientsOutsideTheCatalogAreNamedNotGuessed(Row row) {
        DrugMatch m = CATALOG.resolve(row.name());
        for (String other : row.others()) {
            assertThat(m.message()).as(row.name()).contains(other);
        }
        if (row.catalog().isEmpty()) {
            assertThat(m.isResolved()).isFalse();
            assertThat(m.kind()).isEqualTo(MatchKind.UNRESOLVED);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Marevan 2,5 mg tabletter|warfarin|false",
            "Paralgin forte tabletter|codeine|false",
            "Paralgin forte 400 mg/30 mg tabletter|codeine|false",
            "PINEX FORTE 500 mg/30 mg brusetabletter|codeine|false",
            "Efudix krem 5 %|fluorouracil|true",
            "Efudix|fluorouracil|true",
            "Selo-Zok 50 mg depottabletter|metoprolol|false",
            "Imurel 25 mg tabletter|azathioprine|false",
            "Cipralex 10 mg tabletter|escitalopram|false",
            "Kivexa 600 mg/300 mg tabletter|abacavir|false",
            "Protopic 0,1 % salve|tacrolimus|true",
            "Prograf 1 mg kapsler|tacrolimus|false",
            "Tobrex øyedråper|tobramycin|true",
            "Lamisil 250 mg tabletter|terbinafine|false",
            "Lamisil krem|terbinafine|true",
            "Zyban 150 mg depottabletter|bupropion|false",
    })
    void orderTextsAsPrescribingSystemsSendThem(String text, String drug, boolean topical) {
        DrugMatch m = CATALOG.resolve(List.of(), text);
        assertThat(m.ingredientIds()).as(m.message()).containsExactly(drug);
        assertThat(m.topical()).as(m.message()).isEqualTo(topical);
    }

    @Test
    void theLongestTradeNameWins() {
        assertThat(CATALOG.resolve("Pinex 500 mg tabletter").ingredientIds()).doesNotContain("codeine");
        assertThat(CATALOG.resolve("Pinex Forte 500 mg/30 mg tabletter").ingredientIds()).containsExactly("codeine");
        assertThat(CATALOG.resolve("Efexor Depot 75 mg").ingredientIds()).containsExactly("venlafaxine");
    }

    @Test
    void aTradeNameInACodingDisplayConfirmsAnUncertainCombinationCode() {
        DrugMatch m = CATALOG.resolve(List.of(new Coding(Coding.ATC, "N02AJ06", "Paralgin forte")), null);
        assertThat(m.ingredientIds()).containsExactly("codeine");
        assertThat(m.topical()).isFalse();
    }

    @Test
    void theTableNamesNoSubstanceOfTheCatalog() {
        for (String key : CATALOG_TRADE().all().keySet()) {
            for (var c : CATALOG.all()) {
                for (String name : NameIndex.namesOf(c)) {
                    assertThat(Text.normalize(name)).as("trade name that is also a name of " + c.id())
                            .isNotEqualTo(key);
                }
            }
        }
    }

    private static TradeNames CATALOG_TRADE() {
        return CatalogTables.loadBundled().tradeNames;
    }
}
