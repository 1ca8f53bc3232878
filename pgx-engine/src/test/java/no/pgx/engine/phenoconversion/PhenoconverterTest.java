package no.pgx.engine.phenoconversion;

import static no.pgx.engine.phenoconversion.Results.indeterminate;
import static no.pgx.engine.phenoconversion.Results.phenotyped;
import static no.pgx.engine.phenoconversion.Results.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.pgx.engine.GeneResult;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.ResultState;

/**
 * Scenarios from the phenoconversion issue. Expected phenotypes follow docs/clinical-rules.md and the CPIC cut-offs
 * (CYP2D6: 0 PM, below 1.25 IM, 1.25-2.25 NM, above 2.25 UM); inhibitor classes follow the FDA table.
 */
class PhenoconverterTest {
    private static final Phenoconverter CONVERTER = Phenoconverter.loadDefault();

    private static final GeneResult CYP2D6_NM = scored("CYP2D6", "*1/*1", "Normal Metabolizer", "2.0");
    private static final GeneResult CYP2D6_UM = scored("CYP2D6", "*1/*1x2", "Ultrarapid Metabolizer", "3.0");
    private static final GeneResult CYP2C19_NM = phenotyped("CYP2C19", "*1/*1", "Normal Metabolizer");

    private static Phenoconverter.Result apply(GeneResult result, String... coMedication) {
        return CONVERTER.apply(Map.of(result.gene(), result), Arrays.asList(coMedication));
    }

    private static GeneResult functional(Phenoconverter.Result r, String gene) {
        return r.functional().get(gene);
    }

    @Test
    void normalMetabolizerOnParoxetineBehavesAsPoorMetabolizer() {
        Phenoconverter.Result r = apply(CYP2D6_NM, "paroxetine");

        GeneResult f = functional(r, "CYP2D6");
        assertThat(f.phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(f.activityScore()).isEqualTo("0.0");
        assertThat(f.lookupKey()).isEqualTo("0.0");
        assertThat(f.state()).isEqualTo(ResultState.ACTIONABLE);
        assertThat(f.diplotype()).isEqualTo("*1/*1");

        assertThat(r.phenoconversions()).singleElement().satisfies(p -> {
            assertThat(p.gene()).isEqualTo("CYP2D6");
            assertThat(p.perpetrator()).isEqualTo("paroxetine");
            assertThat(p.effect()).isEqualTo("inhibitor");
            assertThat(p.strength()).isEqualTo("strong");
            assertThat(p.genotypePredicted()).isSameAs(CYP2D6_NM);
            assertThat(p.functional()).isSameAs(f);
            assertThat(p.policyVersion()).startsWith("phenoconversion-policy-1.0").contains("cyp-modulators-");
        });
        assertThat(r.phenoconverted("cyp2d6")).isTrue();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void moderateInhibitorHalvesTheScore() {
        GeneResult f = functional(apply(CYP2D6_NM, "duloxetine"), "CYP2D6");

        assertThat(f.activityScore()).isEqualTo("1.0");
        assertThat(f.lookupKey()).isEqualTo("1.0");
        assertThat(f.phenotype()).isEqualTo("Intermediate Metabolizer");
    }

    @Test
    void ultrarapidMetabolizerOnParoxetineBehavesAsPoorMetabolizer() {
        GeneResult f = functional(apply(CYP2D6_UM, "paroxetine"), "CYP2D6");

        assertThat(f.phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(f.activityScore()).isEqualTo("0.0");
    }

    @Test
    void geneNotTestedIsNeverPhenoconverted() {
        GeneResult notTested = GeneResult.notTested("CYP2D6");

        Phenoconverter.Result r = apply(notTested, "paroxetine");

        assertThat(r.phenoconversions()).isEmpty();
        assertThat(functional(r, "CYP2D6")).isSameAs(notTested);
        assertThat(functional(r, "CYP2D6").phenotype()).isEqualTo(GeneResult.NO_RESULT);
    }

    @Test
    void indeterminateResultIsNeverPhenoconverted() {
        GeneResult indeterminate = indeterminate("CYP2D6", "*1/*22");

        Phenoconverter.Result r = apply(indeterminate, "paroxetine");

        assertThat(r.phenoconversions()).isEmpty();
        assertThat(functional(r, "CYP2D6")).isSameAs(indeterminate);
    }

    @Test
    void strongCyp2c19InhibitorGivesPoorMetabolizer() {
        Phenoconverter.Result r = apply(CYP2C19_NM, "fluvoxamine");

        GeneResult f = functional(r, "CYP2C19");
        assertThat(f.phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(f.lookupKey()).isEqualTo("Poor Metabolizer");
        assertThat(r.phenoconversion("CYP2C19")).get().extracting(Phenoconversion::perpetrator)
                .isEqualTo("fluvoxamine");
    }

    @Test
    void strongCyp2c19InducerMovesOneClassUp() {
        Phenoconverter.Result r = apply(CYP2C19_NM, "rifampicin");

        GeneResult f = functional(r, "CYP2C19");
        assertThat(f.phenotype()).isEqualTo("Rapid Metabolizer");
        assertThat(f.lookupKey()).isEqualTo("Rapid Metabolizer");
        assertThat(r.phenoconversion("CYP2C19")).get().satisfies(p -> {
            assertThat(p.effect()).isEqualTo("inducer");
            assertThat(p.strength()).isEqualTo("strong");
        });
    }

    @Test
    void strongestPerpetratorWins() {
        Phenoconverter.Result r = apply(CYP2D6_NM, "duloxetine", "paroxetine");

        assertThat(functional(r, "CYP2D6").phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(r.phenoconversions()).singleElement().extracting(Phenoconversion::perpetrator)
                .isEqualTo("paroxetine");
        assertThat(functional(r, "CYP2D6").warnings()).anyMatch(w -> w.contains("duloxetine"));
    }

    @Test
    void tieBetweenEquallyStrongPerpetratorsGoesToTheFirstByName() {
        Phenoconverter.Result forward = apply(CYP2D6_NM, "paroxetine", "fluoxetine");
        Phenoconverter.Result backward = apply(CYP2D6_NM, "fluoxetine", "paroxetine");

        assertThat(forward.phenoconversions()).singleElement().extracting(Phenoconversion::perpetrator)
                .isEqualTo("fluoxetine");
        assertThat(backward.phenoconversions()).singleElement().extracting(Phenoconversion::perpetrator)
                .isEqualTo("fluoxetine");
    }

    @Test
    void weakInhibitorLeavesTheResultUnchanged() {
        Phenoconverter.Result r = apply(CYP2D6_NM, "sertraline");

        assertThat(r.phenoconversions()).isEmpty();
        assertThat(functional(r, "CYP2D6")).isSameAs(CYP2D6_NM);
    }

    @Test
    void matchesAtcCodeAndNorwegianNameAsWellAsTheDrugId() {
        assertThat(functional(apply(CYP2D6_NM, "N06AB05"), "CYP2D6").phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(functional(apply(CYP2D6_NM, " n06ab05 "), "CYP2D6").phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(functional(apply(CYP2D6_NM, "Paroksetin"), "CYP2D6").phenotype()).isEqualTo("Poor Metabolizer");
    }

    @Test
    void unrelatedAndUnknownCoMedicationChangesNothing() {
        Phenoconverter.Result r = apply(CYP2D6_NM, "metformin", "no-such-drug", "A10BA02");

        assertThat(r.phenoconversions()).isEmpty();
        assertThat(r.problems()).isEmpty();
        assertThat(functional(r, "CYP2D6")).isSameAs(CYP2D6_NM);
    }

    @Test
    void nullOrEmptyCoMedicationChangesNothing() {
        assertThat(CONVERTER.apply(Map.of("CYP2D6", CYP2D6_NM), null).phenoconversions()).isEmpty();
        assertThat(CONVERTER.apply(Map.of("CYP2D6", CYP2D6_NM), List.of()).functional())
                .containsEntry("CYP2D6", CYP2D6_NM);
    }

    @Test
    void inhibitorOfAnotherEnzymeDoesNotTouchTheGene() {
        Phenoconverter.Result r = apply(CYP2C19_NM, "paroxetine");

        assertThat(r.phenoconversions()).isEmpty();
    }

    @Test
    void cyp3a4PerpetratorsAreNotApplied() {
        GeneResult cyp3a4 = phenotyped("CYP3A4", "*1/*1", "Normal Metabolizer");

        assertThat(apply(cyp3a4, "clarithromycin", "rifampicin").phenoconversions()).isEmpty();
        assertThat(CONVERTER.genesAffectedBy("clarithromycin")).isEmpty();
    }

    @Test
    void onePerpetratorCanConvertSeveralGenes() {
        Map<String, GeneResult> results = new LinkedHashMap<>();
        results.put("CYP2C19", CYP2C19_NM);
        results.put("CYP2C9", scored("CYP2C9", "*1/*1", "Normal Metabolizer", "2.0"));
        results.put("CYP2D6", CYP2D6_NM);

        Phenoconverter.Result r = CONVERTER.apply(results, List.of("fluconazole"));

        assertThat(r.functional().get("CYP2C19").phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(r.functional().get("CYP2C9").phenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(r.functional().get("CYP2C9").lookupKey()).isEqualTo("1.0");
        assertThat(r.functional().get("CYP2D6")).isSameAs(CYP2D6_NM);
        assertThat(r.phenoconvertedGenes()).containsExactly("CYP2C19", "CYP2C9");
    }

    @Test
    void resultIsUnmodifiable() {
        Phenoconverter.Result r = apply(CYP2D6_NM, "paroxetine");

        assertThatThrownBy(() -> r.functional().put("X", CYP2D6_NM)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.phenoconversions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void describesThePerpetratorForTheFindingText() {
        Phenoconversion p = apply(CYP2D6_NM, "paroxetine").phenoconversions().get(0);

        assertThat(CONVERTER.describe(p).en()).isEqualTo("phenoconverted by paroxetine (strong CYP2D6 inhibitor)");
        assertThat(CONVERTER.describe(p).nb()).isEqualTo("fordi paroksetin hemmer CYP2D6 (sterk hemmer)");

        Phenoconversion q = apply(CYP2C19_NM, "rifampicin").phenoconversions().get(0);
        assertThat(CONVERTER.describe(q).en()).isEqualTo("phenoconverted by rifampicin (strong CYP2C19 inducer)");
        assertThat(CONVERTER.describe(q).nb()).isEqualTo("fordi rifampicin induserer CYP2C19 (sterk induktor)");
    }

    @Test
    void assessedDrugIsNotItsOwnPerpetrator() {
        Map<String, GeneResult> results = Map.of("CYP2D6", CYP2D6_NM);

        Phenoconverter.Result alone = CONVERTER.apply(results, List.of("paroxetine"), "paroxetine");
        assertThat(alone.phenoconversions()).isEmpty();
        assertThat(alone.functional().get("CYP2D6")).isSameAs(CYP2D6_NM);

        Phenoconverter.Result byAtc = CONVERTER.apply(results, List.of("paroxetine"), "N06AB05");
        assertThat(byAtc.phenoconversions()).isEmpty();

        Phenoconverter.Result withAnother = CONVERTER.apply(results, List.of("paroxetine", "bupropion"), "paroxetine");
        assertThat(withAnother.phenoconversions()).singleElement().extracting(Phenoconversion::perpetrator)
                .isEqualTo("bupropion");

        Phenoconverter.Result forTamoxifen = CONVERTER.apply(results, List.of("paroxetine"), "tamoxifen");
        assertThat(forTamoxifen.functional().get("CYP2D6").phenotype()).isEqualTo("Poor Metabolizer");
    }

    @Test
    void tellsWhichGenesADrugCanChange() {
        assertThat(CONVERTER.genesAffectedBy("paroxetine")).containsExactly("CYP2D6");
        assertThat(CONVERTER.genesAffectedBy("J02AC01")).containsExactly("CYP2C19", "CYP2C9");
        assertThat(CONVERTER.genesAffectedBy("rifampicin")).containsExactly("CYP2C19");
        assertThat(CONVERTER.genesAffectedBy("sertraline")).isEmpty();
        assertThat(CONVERTER.genesAffectedBy(null)).isEmpty();
    }
}
