package no.pgx.terminology.drug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DrugCatalogTest {

    private static final DrugCatalog CATALOG = DrugCatalog.loadDefault();

    @Test
    void loadDefaultReturnsOneSharedInstance() {
        assertThat(DrugCatalog.loadDefault()).isSameAs(CATALOG);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "clopidogrel 75 MG Oral Tablet;clopidogrel",
        "Klopidogrel Krka tab 75 mg;clopidogrel",
        "Tablett 75 mg, KLOPIDOGRÉL (Plavix);clopidogrel",
        "Kodeinfosfat 25 mg;codeine",
        "Metoprololsuksinat depottablett 50 mg;metoprolol",
        "Warfarinnatrium;warfarin",
        "Metoprolol Succinate 50 MG Extended Release Oral Tablet;metoprolol",
        "Aspirin 75 mg;acetylsalicylic acid",
        "Albyl-E (acetylsalisylsyre) 75 mg;acetylsalicylic acid",
        "ASA 75 mg;acetylsalicylic acid",
        "acid, acetylsalicylic 75 mg;acetylsalicylic acid",
        "Tioguanine 40 mg;thioguanine",
        "6-thioguanine;thioguanine",
        "Tioguanin;thioguanine",
        "5-FU 50 mg/ml;fluorouracil",
        "suxamethonium chloride 50 mg/ml;succinylcholine",
        "Methylthioninium chloride 5 mg/ml;methylene blue",
        "rifampin 300 MG Oral Capsule;rifampicin",
        "Hypericum perforatum extract;St John's wort",
        "Fluconazol Claris 2 mg/ml infusjonsvæske;fluconazole",
        "Quetiapin Krka 25 mg;quetiapine",
        "Clozapin 100 mg;clozapine",
        "Zuclopentixol dekanoat depotinjeksjon;zuclopenthixol",
    })
    void findsTheSubstanceInProductText(String text, String drug) {
        DrugMatch m = CATALOG.resolve(List.of(), text);
        assertThat(m.isResolved()).as(m.message()).isTrue();
        assertThat(m.ingredientIds()).containsExactly(drug);
        assertThat(m.kind()).isEqualTo(MatchKind.TEXT);
    }

    @Test
    void textNamingTwoRuleDrugsResolvesToBoth() {
        DrugMatch m = CATALOG.resolve(List.of(Coding.text("Simvastatin/klopidogrel")), "combination pack");
        assertThat(m.ingredientIds()).containsExactly("simvastatin", "clopidogrel");
        assertThat(CATALOG.resolve("Paracetamol/Kodein 500 mg/30 mg").ingredientIds()).containsExactly("codeine");
    }

    @Test
    void codesWinOverTextInTheOrderAtcRxNormSnomed() {
        List<Coding> codings = List.of(
                Coding.of(Coding.RXNORM, "309362"), // clopidogrel 75 MG Oral Tablet
                Coding.of(Coding.ATC, "N06AB05")); // paroxetine
        DrugMatch m = CATALOG.resolve(codings, null);
        assertThat(m.kind()).isEqualTo(MatchKind.ATC);
        assertThat(m.ingredientIds()).containsExactly("paroxetine");

        DrugMatch rx = CATALOG.resolve(List.of(Coding.of(Coding.ATC, "A01AA01"), Coding.of(Coding.RXNORM, "309362")),
                null);
        assertThat(rx.kind()).isEqualTo(MatchKind.RXNORM_PRODUCT);
        assertThat(rx.ingredientIds()).containsExactly("clopidogrel");
        assertThat(rx.message()).contains("A01AA01");
    }

    @Test
    void rxNormOnlyCodingResolves() {
        DrugMatch m = CATALOG.resolve(List.of(new Coding(Coding.RXNORM, "32968", null)), null);
        assertThat(m.kind()).isEqualTo(MatchKind.RXNORM_INGREDIENT);
        assertThat(m.ingredientIds()).containsExactly("clopidogrel");
    }

    @Test
    void codeableConceptWithOnlyTextOrDisplayResolves() {
        assertThat(CATALOG.resolve(null, "Tamoksifen Sandoz 20 mg").ingredientIds()).containsExactly("tamoxifen");
        assertThat(CATALOG.resolve(List.of(new Coding(null, null, "Azatioprin 50 mg")), null).ingredientIds())
                .containsExactly("azathioprine");
    }

    @Test
    void unknownSystemsAreTriedAsAtcRxNormAndName() {
        String norwegianSystem = "urn:oid:2.16.578.1.12.4.1.1.7180";
        assertThat(CATALOG.resolve(List.of(Coding.of(norwegianSystem, "B01AC04")), null).ingredientIds())
                .containsExactly("clopidogrel");
        assertThat(CATALOG.resolve(List.of(Coding.of(norwegianSystem, "309362")), null).ingredientIds())
                .containsExactly("clopidogrel");
        assertThat(CATALOG.resolve(List.of(Coding.of(norwegianSystem, "karbamazepin")), null).ingredientIds())
                .containsExactly("carbamazepine");
        DrugMatch oid = CATALOG.resolve(List.of(Coding.of("urn:oid:2.16.840.1.113883.6.73", "N03AF01")), null);
        assertThat(oid.system()).isEqualTo(Coding.ATC);
        assertThat(oid.ingredientIds()).containsExactly("carbamazepine");
    }

    @Test
    void combinationCodeResolvesToEachIngredient() {
        DrugMatch m = CATALOG.resolve(List.of(Coding.of(Coding.ATC, "J05AR23")), null);
        assertThat(m.kind()).isEqualTo(MatchKind.ATC_COMBINATION);
        assertThat(m.ingredientIds()).containsExactlyInAnyOrder("atazanavir", "ritonavir");
        assertThat(m.isAmbiguous()).isFalse();
    }

    @Test
    void uncertainCombinationIngredientsAreReportedAndTheTextDecides() {
        DrugMatch codeOnly = CATALOG.resolve(List.of(Coding.of(Coding.ATC, "N02AA59")), null);
        assertThat(codeOnly.ingredientIds()).containsExactly("codeine");
        assertThat(codeOnly.possibleIngredientIds()).containsExactly("ibuprofen");
        assertThat(codeOnly.isAmbiguous()).isTrue();
        assertThat(codeOnly.message()).contains("N02AA59", "ibuprofen");

        DrugMatch named = CATALOG.resolve(List.of(new Coding(Coding.ATC, "N02AA59", "Kodein/ibuprofen")), null);
        assertThat(named.ingredientIds()).containsExactlyInAnyOrder("codeine", "ibuprofen");
        assertThat(named.isAmbiguous()).isFalse();

        DrugMatch group = CATALOG.resolve("B01AC30");
        assertThat(group.isResolved()).isFalse();
        assertThat(group.possibleIngredientIds()).contains("clopidogrel", "acetylsalicylic acid");
        DrugMatch duoPlavin = CATALOG.resolve(List.of(Coding.of(Coding.ATC, "B01AC30")),
                "Klopidogrel/acetylsalisylsyre 75 mg/100 mg");
        assertThat(duoPlavin.ingredientIds()).containsExactlyInAnyOrder("clopidogrel", "acetylsalicylic acid");
    }

    @Test
    void textNamingMoreThanTheCodeIsReportedAsPossible() {
        DrugMatch m = CATALOG.resolve(List.of(new Coding(Coding.ATC, "B01AC04", "Klopidogrel")), "and paroxetine");
        assertThat(m.ingredientIds()).containsExactly("clopidogrel");
        assertThat(m.possibleIngredientIds()).containsExactly("paroxetine");
        assertThat(m.message()).contains("paroxetine");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "paracetamolx", "A01AA01", "###", "12345678901234567890", "N06AB", "klopidogrelx"})
    void unknownInputIsUnresolvedWithAMessageNamingIt(String input) {
        DrugMatch m = CATALOG.resolve(input);
        assertThat(m.kind()).isEqualTo(MatchKind.UNRESOLVED);
        assertThat(m.isResolved()).isFalse();
        assertThat(m.ingredients()).isEmpty();
        assertThat(m.message()).isNotEmpty();
        if (input != null && !input.isBlank()) {
            assertThat(m.message()).contains(input.strip());
        }
    }

    @Test
    void atcGroupAndUnknownAtcCodesExplainWhy() {
        assertThat(CATALOG.resolve("N06AB").message()).contains("group code");
        assertThat(CATALOG.resolve(List.of(Coding.of(Coding.ATC, "A01AA01")), null).message())
                .contains("A01AA01", "not in the PGx drug catalog");
        assertThat(CATALOG.resolve(List.of(Coding.of(Coding.SNOMED, "1")), "paracetamolx").message())
                .contains("SNOMED CT 1", "paracetamolx");
        assertThat(CATALOG.resolve(List.of(), null).kind()).isEqualTo(MatchKind.UNRESOLVED);
        assertThat(CATALOG.resolve(Arrays.asList((Coding) null), null).message()).contains("empty");
    }

    @Test
    void neverThrowsOnOddInput() {
        List<Coding> odd = new ArrayList<>();
        odd.add(null);
        odd.add(new Coding(null, null, null));
        odd.add(new Coding("", "", ""));
        odd.add(new Coding(Coding.ATC, "💊", "\u0000"));
        assertThat(CATALOG.resolve(odd, "x".repeat(10_000)).kind()).isEqualTo(MatchKind.UNRESOLVED);
    }
}
