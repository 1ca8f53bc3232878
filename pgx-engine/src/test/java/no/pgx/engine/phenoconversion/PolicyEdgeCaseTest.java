package no.pgx.engine.phenoconversion;

import static no.pgx.engine.phenoconversion.Results.phenotyped;
import static no.pgx.engine.phenoconversion.Results.scored;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import no.pgx.engine.GeneResult;

/**
 * The corners of the policy: scores off the CPIC grid, lower bounds, CYP2C9, CYP2C19 "Likely" phenotypes,
 * phenotype-only results, and results the policy cannot convert.
 */
class PolicyEdgeCaseTest {
    private static final Phenoconverter CONVERTER = Phenoconverter.loadDefault();

    private static GeneResult convert(GeneResult result, String drug) {
        return CONVERTER.apply(Map.of(result.gene(), result), List.of(drug)).functional().get(result.gene());
    }

    /** CYP2D6 × 0.5 (duloxetine): score reported exactly, looked up with a CPIC value in the same class. */
    @ParameterizedTest(name = "CYP2D6 AS {0} + duloxetine -> {1} ({2}), key {3}")
    @CsvSource({
            "0.25, 0.125, Intermediate Metabolizer, 0.25",
            "0.5,  0.25,  Intermediate Metabolizer, 0.25",
            "1.0,  0.5,   Intermediate Metabolizer, 0.5",
            "1.25, 0.625, Intermediate Metabolizer, 0.5",
            "1.5,  0.75,  Intermediate Metabolizer, 0.75",
            "2.25, 1.125, Intermediate Metabolizer, 1.0",
            "2.5,  1.25,  Normal Metabolizer,       1.25",
            "3.0,  1.5,   Normal Metabolizer,       1.5",
            "4.0,  2.0,   Normal Metabolizer,       2.0",
            "0.0,  0.0,   Poor Metabolizer,         0.0",
    })
    void cyp2d6ModerateInhibitor(String score, String functionalScore, String phenotype, String key) {
        GeneResult f = convert(scored("CYP2D6", "x", "Normal Metabolizer", score), "duloxetine");

        assertThat(f.phenotype()).isEqualTo(phenotype);
        assertThat(f.activityScore()).isEqualTo(functionalScore);
        assertThat(f.lookupKey()).isEqualTo(key);
    }

    @Test
    void poorMetabolizerOnParoxetineIsNotReportedAsAChange() {
        GeneResult pm = scored("CYP2D6", "*4/*4", "Poor Metabolizer", "0.0");

        assertThat(CONVERTER.apply(Map.of("CYP2D6", pm), List.of("paroxetine")).phenoconversions()).isEmpty();
    }

    @Test
    void lowerBoundStaysALowerBoundUnderAModerateInhibitor() {
        GeneResult um = scored("CYP2D6", "*1/*1x≥3", "Ultrarapid Metabolizer", "≥4.0");

        GeneResult f = convert(um, "duloxetine");

        assertThat(f.activityScore()).isEqualTo("≥2.0");
        assertThat(f.phenotype()).isEqualTo("Normal Metabolizer");
        assertThat(f.lookupKey()).isEqualTo("2.0");
        assertThat(f.warnings()).anyMatch(w -> w.contains("lower bound"));
    }

    @Test
    void lowerBoundTimesZeroIsExactlyZero() {
        GeneResult um = scored("CYP2D6", "*1/*1x≥3", "Ultrarapid Metabolizer", "≥4.0");

        GeneResult f = convert(um, "fluoxetine");

        assertThat(f.activityScore()).isEqualTo("0.0");
        assertThat(f.phenotype()).isEqualTo("Poor Metabolizer");
    }

    /** CYP2C9 moderate inhibitor: × 0.5, which docs/clinical-rules.md also states as "one class down". */
    @ParameterizedTest(name = "CYP2C9 AS {0} + amiodarone -> {2}")
    @CsvSource({
            "2.0, 1.0,  Intermediate Metabolizer, 1.0",
            "1.5, 0.75, Poor Metabolizer,         0.5",
            "1.0, 0.5,  Poor Metabolizer,         0.5",
            "0.5, 0.25, Poor Metabolizer,         0.0",
    })
    void cyp2c9ModerateInhibitor(String score, String functionalScore, String phenotype, String key) {
        GeneResult f = convert(scored("CYP2C9", "x", "Normal Metabolizer", score), "amiodarone");

        assertThat(f.activityScore()).isEqualTo(functionalScore);
        assertThat(f.phenotype()).isEqualTo(phenotype);
        assertThat(f.lookupKey()).isEqualTo(key);
    }

    @Test
    void cyp2c9InducerIsNotApplied() {
        GeneResult nm = scored("CYP2C9", "*1/*1", "Normal Metabolizer", "2.0");

        assertThat(convert(nm, "rifampicin")).isSameAs(nm);
    }

    @ParameterizedTest(name = "CYP2C19 {0} + {1} -> {2}")
    @CsvSource({
            "Ultrarapid Metabolizer,          omeprazole,  Rapid Metabolizer",
            "Rapid Metabolizer,               omeprazole,  Normal Metabolizer",
            "Normal Metabolizer,              omeprazole,  Intermediate Metabolizer",
            "Intermediate Metabolizer,        omeprazole,  Poor Metabolizer",
            "Likely Intermediate Metabolizer, omeprazole,  Likely Poor Metabolizer",
            "Rapid Metabolizer,               fluvoxamine, Poor Metabolizer",
            "Likely Poor Metabolizer,         fluvoxamine, Poor Metabolizer",
            "Intermediate Metabolizer,        rifampicin,  Normal Metabolizer",
            "Poor Metabolizer,                apalutamide, Intermediate Metabolizer",
            "Rapid Metabolizer,               rifampicin,  Ultrarapid Metabolizer",
            "Normal Metabolizer,              enzalutamide, Normal Metabolizer",
            "Normal Metabolizer,              carbamazepine, Normal Metabolizer",
    })
    void cyp2c19Classes(String predicted, String drug, String expected) {
        GeneResult f = convert(phenotyped("CYP2C19", "x", predicted), drug);

        assertThat(f.phenotype()).isEqualTo(expected);
        assertThat(f.lookupKey()).isEqualTo(expected);
    }

    @Test
    void phenotypeOnlyCyp2d6UsesTheClassStep() {
        GeneResult nm = phenotyped("CYP2D6", null, "Normal Metabolizer");

        GeneResult moderate = convert(nm, "duloxetine");
        assertThat(moderate.phenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(moderate.lookupKey()).isEqualTo("Intermediate Metabolizer");
        assertThat(moderate.activityScore()).isNull();

        GeneResult strong = convert(nm, "paroxetine");
        assertThat(strong.phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(strong.activityScore()).isEqualTo("0.0");
        assertThat(strong.lookupKey()).isEqualTo("Poor Metabolizer");
    }

    @Test
    void unknownPhenotypeIsReportedAndTheGenotypeResultKept() {
        GeneResult odd = phenotyped("CYP2C19", "*1/*1", "Extensive Metabolizer");

        Phenoconverter.Result r = CONVERTER.apply(Map.of("CYP2C19", odd), List.of("omeprazole"));

        assertThat(r.functional().get("CYP2C19")).isSameAs(odd);
        assertThat(r.phenoconversions()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.gene()).isEqualTo("CYP2C19");
            assertThat(p.field()).isEqualTo("phenotype");
            assertThat(p.message()).contains("omeprazole", "Extensive Metabolizer", "genotype-predicted");
        });
    }

    @Test
    void keepsGenotypeAndProvenanceOnTheFunctionalResult() {
        GeneResult nm = scored("CYP2D6", "*1/*2", "Normal Metabolizer", "2.0");

        GeneResult f = convert(nm, "bupropion");

        assertThat(f.gene()).isEqualTo("CYP2D6");
        assertThat(f.diplotype()).isEqualTo("*1/*2");
        assertThat(f.diplotypeAsWritten()).isEqualTo("*1/*2");
        assertThat(f.provenance()).isEqualTo(nm.provenance());
        assertThat(f.warnings()).anyMatch(w -> w.contains("bupropion") && w.contains("Normal Metabolizer"));
    }
}
