package no.pgx.terminology.drug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every RxNorm clinical drug of the reference product list resolves to its ingredient, by code and by name. */
class RxNormProductResolutionTest {

    private static final DrugCatalog CATALOG = DrugCatalog.loadDefault();

    static Stream<Arguments> products() {
        return Oracle.rows(Oracle.testTable("reference-rxnorm-products.csv"))
                .map(r -> Arguments.of(r.get("rxcui"), r.get("name"), r.get("ingredient")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("products")
    void resolvesByRxNormCode(String rxcui, String name, String ingredient) {
        DrugMatch coded = CATALOG.resolve(List.of(Coding.of(Coding.RXNORM, rxcui)), null);
        assertThat(coded.kind()).isEqualTo(MatchKind.RXNORM_PRODUCT);
        assertThat(coded.ingredientIds()).containsExactly(ingredient);
        assertThat(coded.topical()).isFalse();
        assertThat(CATALOG.resolve(rxcui).ingredientIds()).containsExactly(ingredient);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("products")
    void resolvesByProductNameWhenTheCodeIsUnknown(String rxcui, String name, String ingredient) {
        DrugMatch m = CATALOG.resolve(List.of(new Coding(Coding.RXNORM, "99" + rxcui, name)), null);
        assertThat(m.kind()).isEqualTo(MatchKind.TEXT);
        assertThat(m.ingredientIds()).containsExactly(ingredient);
        assertThat(m.message()).contains("RxNorm 99" + rxcui);

        assertThat(CATALOG.resolve(List.of(), name).ingredientIds()).containsExactly(ingredient);
    }
}
