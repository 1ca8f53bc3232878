package no.pgx.engine.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxException;
import no.pgx.engine.ResultState;
import no.pgx.knowledge.CsvTable;

/**
 * Issue 11 §6: allele names labs send (tag variants, rsIDs, legacy and renamed names) give the same result as the CPIC
 * allele they stand for, for every row of {@code phenotype/allele-aliases-lab.csv}; a retired name is a problem that
 * names the gene, the allele, its successor and what to ask the laboratory, never a silent "not tested"; every
 * PharmVar CYP4F2 allele of {@code phenotype/cyp4f2-alleles.csv} yields the rs2108622 fact the warfarin guideline uses.
 */
class LabAlleleNamesTest {
    private static final PhenotypeKnowledge K = PhenotypeKnowledge.loadDefault();
    private final PhenotypeCaller caller = PhenotypeCaller.load(0);

    /** One row of the lab-name table. */
    record LabRow(String gene, String alias, String allele, String kind) {
        @Override
        public String toString() {
            return gene + " " + alias + " (" + kind + ")";
        }
    }

    static Stream<LabRow> labRows() {
        return K.tables.get("allele-aliases-lab.csv").rows().stream().map(r -> new LabRow(r.require("gene"),
                r.require("alias"), r.get("allele"), r.require("kind")));
    }

    static Stream<LabRow> resolvedRows() {
        return labRows().filter(r -> !r.kind().equals("retired"));
    }

    static Stream<LabRow> retiredRows() {
        return labRows().filter(r -> r.kind().equals("retired"));
    }

    private GeneResult call(String gene, String diplotype) {
        return caller.call(GeneInput.diplotype(gene, diplotype));
    }

    private static String reference(String gene) {
        String ref = K.genes.require(gene).referenceAllele();
        return ref == null ? "*1" : ref;
    }

    @ParameterizedTest
    @MethodSource("resolvedRows")
    void aLabNameGivesTheResultOfItsCpicAllele(LabRow row) {
        String ref = reference(row.gene());
        GeneResult viaLab = call(row.gene(), row.alias() + "/" + ref);
        GeneResult viaCpic = call(row.gene(), row.allele() + "/" + ref);
        assertThat(viaLab.diplotype()).isEqualTo(viaCpic.diplotype());
        assertThat(viaLab.phenotype()).isEqualTo(viaCpic.phenotype());
        assertThat(viaLab.activityScore()).isEqualTo(viaCpic.activityScore());
        assertThat(viaLab.lookupKey()).isEqualTo(viaCpic.lookupKey());
        assertThat(viaLab.state()).isNotEqualTo(ResultState.NOT_TESTED);
    }

    @ParameterizedTest
    @MethodSource("resolvedRows")
    void tagVariantsAndRenamedAllelesSaySoAndOtherLabNamesDoNot(LabRow row) {
        GeneResult r = call(row.gene(), row.alias() + "/" + reference(row.gene()));
        List<String> about = r.warnings().stream().filter(w -> w.contains("'" + row.alias() + "'")).toList();
        switch (row.kind()) {
            case "tag-variant" -> assertThat(about).singleElement().asString()
                    .startsWith(row.gene() + ":").contains(row.allele(), "tag");
            case "renamed" -> assertThat(about).singleElement().asString()
                    .startsWith(row.gene() + ":").contains(row.allele(), "laboratory");
            default -> assertThat(about).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("retiredRows")
    void aRetiredAlleleNamesGeneAlleleSuccessorAndWhatToAskTheLab(LabRow row) {
        assertThatThrownBy(() -> call(row.gene(), row.alias() + "/" + reference(row.gene())))
                .isInstanceOfSatisfying(PgxException.class, e -> {
                    assertThat(e.gene()).isEqualTo(row.gene());
                    assertThat(e.field()).isEqualTo("diplotype");
                    assertThat(e.getMessage()).contains(row.gene(), "'" + row.alias() + "'", "retired", "laboratory");
                    if (!row.allele().isEmpty()) {
                        assertThat(e.getMessage()).contains(row.allele());
                    }
                });
    }

    @ParameterizedTest(name = "DPYD {0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "c.1236G>A/Reference|Intermediate Metabolizer|1.5",
            "rs56038477/Reference|Intermediate Metabolizer|1.5",
            "rs75017182/Reference|Intermediate Metabolizer|1.5",
            "c.1129-5923C>G/Reference|Intermediate Metabolizer|1.5",
            "rs3918290/Reference|Intermediate Metabolizer|1.0",
            "rs67376798/rs67376798|Intermediate Metabolizer|1.0",
            "c.1236G>A/c.1236G>A|Intermediate Metabolizer|1.0",
            "*13/*2A|Poor Metabolizer|0.0",
            "IVS14+1G>A/*1|Intermediate Metabolizer|1.0",
            "rs55886062/Reference|Intermediate Metabolizer|1.0",
    })
    void dpydAsLabsWriteIt(String diplotype, String phenotype, String score) {
        GeneResult r = call("DPYD", diplotype);
        assertThat(r.phenotype()).isEqualTo(phenotype);
        assertThat(r.activityScore()).isEqualTo(score);
    }

    @Test
    void theHapB3TagIsCalledHapB3WithANote() {
        GeneResult r = call("DPYD", "c.1236G>A/Reference");
        assertThat(r.diplotype()).contains("c.1129-5923C>G, c.1236G>A (HapB3)");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("DPYD:").contains("'c.1236G>A'", "tag"));
    }

    @Test
    void ugt1a1PromoterRepeatsAreTheCpicAlleles() {
        assertThat(call("UGT1A1", "(TA)7/(TA)7").phenotype()).isEqualTo(call("UGT1A1", "*28/*28").phenotype());
        assertThat(call("UGT1A1", "A(TA)6TAA/(TA)7").diplotype()).isEqualTo(call("UGT1A1", "*1/*28").diplotype());
    }

    // ---- CYP4F2 ----

    /** One row of the CYP4F2 table. */
    record Cyp4f2Row(String allele, String carries) {
        @Override
        public String toString() {
            return allele + " carries rs2108622 T: " + carries;
        }
    }

    static Stream<Cyp4f2Row> cyp4f2Rows() {
        CsvTable t = K.tables.get("cyp4f2-alleles.csv");
        return t.rows().stream().map(r -> new Cyp4f2Row(r.require("allele"), r.require("carries_rs2108622")));
    }

    @ParameterizedTest
    @MethodSource("cyp4f2Rows")
    void everyPharmVarCyp4f2AlleleGivesTheFactTheWarfarinGuidelineUses(Cyp4f2Row row) {
        GeneResult het = call("CYP4F2", "*1/" + row.allele());
        GeneResult hom = call("CYP4F2", row.allele() + "/" + row.allele());
        assertThat(het.diplotype()).as("the PharmVar name is kept").contains(row.allele());
        switch (row.carries()) {
            case "yes" -> {
                assertThat(het.phenotype()).isEqualTo("rs2108622 CT");
                assertThat(hom.phenotype()).isEqualTo("rs2108622 TT");
            }
            case "no" -> {
                assertThat(het.phenotype()).isEqualTo("rs2108622 CC");
                assertThat(hom.phenotype()).isEqualTo("rs2108622 CC");
            }
            default -> {
                assertThat(het.phenotype()).isEqualTo("Indeterminate");
                assertThat(het.state()).isEqualTo(ResultState.INDETERMINATE);
                assertThat(het.warnings()).anySatisfy(w -> assertThat(w)
                        .contains("CYP4F2", row.allele(), "rs2108622", "laboratory"));
            }
        }
    }

    @Test
    void cyp4f2StarFourCarriesTheStarThreeVariantAndStarTwoDoesNot() {
        assertThat(call("CYP4F2", "*3/*4").phenotype()).isEqualTo("rs2108622 TT");
        assertThat(call("CYP4F2", "*2/*4").phenotype()).isEqualTo("rs2108622 CT");
        assertThat(call("CYP4F2", "*5/*7").phenotype()).isEqualTo("rs2108622 CC");
        assertThat(call("CYP4F2", "rs2108622 C/T").phenotype()).isEqualTo("rs2108622 CT");
    }
}
