package no.pgx.engine.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxException;
import no.pgx.engine.Provenance;
import no.pgx.engine.ResultState;

/**
 * Expected values follow the CPIC rules (Caudle 2020 CYP2D6 activity score: values 1 / 0.5 / 0.25 / 0, copies
 * multiply, hybrids add, AS 0 PM, 0 < AS < 1.25 IM, 1.25-2.25 NM, > 2.25 UM), worked out by hand.
 */
class PhenotypeCallerTest {
    private final PhenotypeCaller caller = PhenotypeCaller.loadDefault();

    private GeneResult call(String gene, String diplotype) {
        return caller.call(GeneInput.diplotype(gene, diplotype));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "CYP2D6|*1/*4|Intermediate Metabolizer|1.0|*1/*4",
            "CYP2D6|CYP2D6*4/*1|Intermediate Metabolizer|1.0|*1/*4",
            "CYP2D6|*1/*10|Normal Metabolizer|1.25|*1/*10",
            "CYP2D6|*4/*4|Poor Metabolizer|0.0|*4/*4",
            "CYP2D6|*1x2/*4|Normal Metabolizer|2.0|*1x2/*4",
            "CYP2D6|*1/*1x2|Ultrarapid Metabolizer|3.0|*1/*1x2",
            "CYP2D6|*2x3/*1|Ultrarapid Metabolizer|4.0|*1/*2x3",
            "CYP2D6|*2x≥3/*10|Ultrarapid Metabolizer|≥3.25|*2x≥3/*10",
            "CYP2D6|*10/*2x>=3|Ultrarapid Metabolizer|≥3.25|*2x≥3/*10",
            "CYP2D6|*4x≥3/*1|Intermediate Metabolizer|1.0|*1/*4x≥3",
            "CYP2D6|*1xN/*1|Ultrarapid Metabolizer|≥3.0|*1/*1xN",
            "CYP2D6|*4xN/*1|Intermediate Metabolizer|1.0|*1/*4xN",
            "CYP2D6|*36+*10/*1|Normal Metabolizer|1.25|*1/*36+*10",
            "CYP2D6|*36 + *10/*36 + *10|Intermediate Metabolizer|0.5|*36+*10/*36+*10",
            "CYP2D6|*13+*2/*4|Intermediate Metabolizer|1.0|*4/*13+*2",
            "CYP2D6|*68+*4/*1|Intermediate Metabolizer|1.0|*1/*68+*4",
            "CYP2D6|*10x2/*41x3|Normal Metabolizer|1.25|*10x2/*41x3",
            "CYP2D6|*22/*1|Indeterminate|n/a|*1/*22",
            "CYP2C9|*1/*3|Intermediate Metabolizer|1.0|*1/*3",
            "CYP2C9|*2/*3|Poor Metabolizer|0.5|*2/*3",
            "CYP2C9|*1/*1|Normal Metabolizer|2.0|*1/*1",
            "DPYD|c.1905+1G>A (*2A)/Reference|Intermediate Metabolizer|1.0|Reference/c.1905+1G>A (*2A)",
            "DPYD|*2A/*1|Intermediate Metabolizer|1.0|Reference/c.1905+1G>A (*2A)",
            "DPYD|HapB3/Reference|Intermediate Metabolizer|1.5|Reference/c.1129-5923C>G, c.1236G>A (HapB3)",
            "DPYD|c.1129-5923C>G, c.1236G>A/c.2846A>T|Intermediate Metabolizer|1.0|c.1129-5923C>G, c.1236G>A (HapB3)/c.2846A>T",
            "DPYD|c.1905+1G>A (*2A)/c.1679T>G (*13)|Poor Metabolizer|0.0|c.1679T>G (*13)/c.1905+1G>A (*2A)",
    })
    void computesActivityScores(String gene, String diplotype, String phenotype, String score, String normalized) {
        GeneResult r = call(gene, diplotype);
        assertThat(r.phenotype()).isEqualTo(phenotype);
        assertThat(r.activityScore()).isEqualTo(score);
        assertThat(r.lookupKey()).isEqualTo(score);
        assertThat(r.diplotype()).isEqualTo(normalized);
        assertThat(r.diplotypeAsWritten()).isEqualTo(diplotype);
    }

    @Test
    void anUnstatedCopyNumberThatDecidesThePhenotypeIsIndeterminate() {
        GeneResult r = call("CYP2D6", "*1xN/*4");
        assertThat(r.phenotype()).isEqualTo("Indeterminate");
        assertThat(r.activityScore()).isEqualTo("n/a");
        assertThat(r.lookupKey()).isEqualTo("xN combinations");
        assertThat(r.state()).isEqualTo(ResultState.INDETERMINATE);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("xN").contains("2.0").contains("≥3.0"));
    }

    @Test
    void aLowerBoundBelowTheTopClassIsCalledFromTheBoundWithAWarning() {
        GeneResult r = call("CYP2D6", "*10x≥3/*4");
        assertThat(r.activityScore()).isEqualTo("≥0.75");
        assertThat(r.phenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("lower bound"));
    }

    @Test
    void dpydUsesTheTwoLowestFunctionVariants() {
        GeneResult r = call("DPYD", "c.1905+1G>A (*2A) + c.2846A>T/Reference");
        assertThat(r.activityScore()).isEqualTo("0.5");
        assertThat(r.phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("two lowest-function"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "CYP2C19|*1/*17|Rapid Metabolizer|ACTIONABLE",
            "CYP2C19|*17/*17|Ultrarapid Metabolizer|ACTIONABLE",
            "CYP2C19|*2/*17|Intermediate Metabolizer|ACTIONABLE",
            "CYP2C19|*1/*9|Likely Intermediate Metabolizer|ACTIONABLE",
            "CYP2C19|*2/*9|Likely Poor Metabolizer|ACTIONABLE",
            "CYP2C19|*1/*1|Normal Metabolizer|NORMAL",
            "CYP2C19|*1/*12|Indeterminate|INDETERMINATE",
            "TPMT|*1/*3A|Intermediate Metabolizer|ACTIONABLE",
            "TPMT|*3A/*5|Possible Intermediate Metabolizer|ACTIONABLE",
            "NUDT15|*1/*1|Normal Metabolizer|NORMAL",
            "UGT1A1|*36/*36|Normal Metabolizer|NORMAL",
            "UGT1A1|*1/*80+*28|Intermediate Metabolizer|ACTIONABLE",
            "UGT1A1|*80+*28/*80+*28|Poor Metabolizer|ACTIONABLE",
            "SLCO1B1|*1/*5|Decreased Function|ACTIONABLE",
            "SLCO1B1|*1/*1|Normal Function|NORMAL",
            "SLCO1B1|rs4149056 C/C|Poor Function|ACTIONABLE",
            "SLCO1B1|rs4149056 T/C|Decreased Function|ACTIONABLE",
            "SLCO1B1|c.521 TT|Normal Function|NORMAL",
            "CYP2C19|*2A/*2B|Poor Metabolizer|ACTIONABLE",
            "CFTR|F508del/F508del|ivacaftor non-responsive in CF patients|ACTIONABLE",
            "CFTR|G551D/F508del|ivacaftor responsive in CF patients|ACTIONABLE",
            "CFTR|p.Phe508del/p.Gly551Asp|ivacaftor responsive in CF patients|ACTIONABLE",
            "CFTR|3849+10kbC->T/G542X|ivacaftor responsive in CF patients|ACTIONABLE",
            "CYP3A5|*3/*3|Poor Metabolizer|NORMAL",
            "CYP3A5|*1/*1|Normal Metabolizer|ACTIONABLE",
            "VKORC1|rs9923231 C/T|-1639 AG|ACTIONABLE",
            "VKORC1|-1639 GG|-1639 GG|NORMAL",
            "VKORC1|TT|-1639 AA|ACTIONABLE",
            "ABCG2|rs2231142 GT|Decreased Function|ACTIONABLE",
            "CYP4F2|*1/*3|rs2108622 CT|ACTIONABLE",
            "IFNL3|rs12979860 CC|Favorable response genotype|NORMAL",
            "MT-RNR1|m.1555A>G|increased risk of aminoglycoside-induced hearing loss|ACTIONABLE",
            "MT-RNR1|A1555G|increased risk of aminoglycoside-induced hearing loss|ACTIONABLE",
            "MT-RNR1|Reference|normal risk of aminoglycoside-induced hearing loss|NORMAL",
            "MT-RNR1|m.663A>G|uncertain risk of aminoglycoside-induced hearing loss|INDETERMINATE",
            "CACNA1S|Reference/Reference|Uncertain Susceptibility|NORMAL",
            "CACNA1S|c.520C>T/Reference|Malignant Hyperthermia Susceptibility|ACTIONABLE",
    })
    void combinesFunctions(String gene, String diplotype, String phenotype, ResultState state) {
        GeneResult r = call(gene, diplotype);
        assertThat(r.phenotype()).isEqualTo(phenotype);
        assertThat(r.lookupKey()).isEqualTo(phenotype);
        assertThat(r.activityScore()).isNull();
        assertThat(r.state()).isEqualTo(state);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "HLA-B|*57:01/*08:01|*57:01 positive;*58:01 negative;*15:02 negative|ACTIONABLE",
            "HLA-B|HLA-B*57:01:01/HLA-B*57:01:02|*57:01 positive;*58:01 negative;*15:02 negative|ACTIONABLE",
            "HLA-B|*15:02/*58:01|*57:01 negative;*58:01 positive;*15:02 positive|ACTIONABLE",
            "HLA-B|*08:01/*44:02|*57:01 negative;*58:01 negative;*15:02 negative|NORMAL",
            "HLA-B|*57:03/*44:02|*57:01 negative;*58:01 negative;*15:02 negative|NORMAL",
            "HLA-A|*31:01/*02:01|*31:01 positive|ACTIONABLE",
            "HLA-B|*57:01 positive|*57:01 positive|ACTIONABLE",
    })
    void hlaStatusListsEachRiskAllele(String gene, String diplotype, String key, ResultState state) {
        GeneResult r = call(gene, diplotype);
        assertThat(r.lookupKey()).isEqualTo(key);
        assertThat(r.phenotype()).isEqualTo(key);
        assertThat(r.state()).isEqualTo(state);
    }

    @Test
    void alleleStatusOnly() {
        assertThat(caller.call(GeneInput.alleleStatus("hla-b", "HLA-B*57:01 negative")).lookupKey())
                .isEqualTo("*57:01 negative");
        assertThat(caller.call(GeneInput.alleleStatus("HLA-A", "positive")).lookupKey()).isEqualTo("*31:01 positive");
        assertThat(caller.call(GeneInput.alleleStatus("HLA-B", "*15:02 neg; *57:01 pos")).lookupKey())
                .isEqualTo("*57:01 positive;*15:02 negative");
        assertThatThrownBy(() -> caller.call(GeneInput.alleleStatus("HLA-B", "positive")))
                .isInstanceOf(PgxException.class).hasMessageContaining("does not name the allele");
        assertThatThrownBy(() -> caller.call(GeneInput.alleleStatus("HLA-B", "*13:01 positive")))
                .isInstanceOf(PgxException.class).hasMessageContaining("*13:01");
        // DPWG carbamazepine keys on *15:11: a reported status is read, and a diplotype lists it only when it carries
        // it, so the key of every other HLA-B result stays as it was
        assertThat(caller.call(GeneInput.alleleStatus("HLA-B", "*15:11 positive")).lookupKey())
                .isEqualTo("*15:11 positive");
        assertThat(caller.call(GeneInput.diplotype("HLA-B", "*15:11/*40:01")).lookupKey())
                .isEqualTo("*57:01 negative;*58:01 negative;*15:02 negative;*15:11 positive");
        assertThat(caller.call(GeneInput.diplotype("HLA-B", "*44:02/*40:01")).lookupKey())
                .isEqualTo("*57:01 negative;*58:01 negative;*15:02 negative");
        assertThatThrownBy(() -> caller.call(GeneInput.alleleStatus("CYP2D6", "*4 positive")))
                .isInstanceOf(PgxException.class).hasMessageContaining("HLA-A and HLA-B only");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "CYP2C19|PM|Poor Metabolizer||Poor Metabolizer",
            "CYP2C19|langsom omsetter|Poor Metabolizer||Poor Metabolizer",
            "CYP2C19|extensive metabolizer|Normal Metabolizer||Normal Metabolizer",
            "SLCO1B1|normal|Normal Function||Normal Function",
            "SLCO1B1|decreased function|Decreased Function||Decreased Function",
            "CYP2D6|poor metabolizer|Poor Metabolizer|0.0|0.0",
            "CYP2C9|NM|Normal Metabolizer|2.0|2.0",
            "CYP2D6|IM|Intermediate Metabolizer||Intermediate Metabolizer",
            "CYP2D6|Indeterminate|Indeterminate|n/a|n/a",
            "G6PD|deficient|Deficient||Deficient",
            "RYR1|MHS|Malignant Hyperthermia Susceptibility||Malignant Hyperthermia Susceptibility",
    })
    void phenotypeOnly(String gene, String phenotype, String term, String score, String key) {
        GeneResult r = caller.call(GeneInput.phenotype(gene, phenotype));
        assertThat(r.phenotype()).isEqualTo(term);
        assertThat(r.activityScore()).isEqualTo(score);
        assertThat(r.lookupKey()).isEqualTo(key);
        assertThat(r.diplotype()).isNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "CYP2D6|1.25|Normal Metabolizer|1.25",
            "CYP2D6|1,5|Normal Metabolizer|1.5",
            "CYP2D6|1|Intermediate Metabolizer|1.0",
            "CYP2D6|≥3.0|Ultrarapid Metabolizer|≥3.0",
            "CYP2D6|>=4|Ultrarapid Metabolizer|≥4.0",
            "CYP2D6|0|Poor Metabolizer|0.0",
            "CYP2D6|n/a|Indeterminate|n/a",
            "CYP2C9|1.0|Intermediate Metabolizer|1.0",
            "CYP2C9|0.5|Poor Metabolizer|0.5",
            "DPYD|2|Normal Metabolizer|2.0",
    })
    void activityScoreOnly(String gene, String score, String phenotype, String formatted) {
        GeneResult r = caller.call(GeneInput.activityScore(gene, score));
        assertThat(r.phenotype()).isEqualTo(phenotype);
        assertThat(r.activityScore()).isEqualTo(formatted);
        assertThat(r.lookupKey()).isEqualTo(formatted);
    }

    @Test
    void aContradictingPhenotypeWarnsAndTheDiplotypeWins() {
        GeneResult r = caller.call(new GeneInput("CYP2D6", "*1/*4", "Normal Metabolizer", null, null, null));
        assertThat(r.phenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w).contains("Normal Metabolizer")
                .contains("Intermediate Metabolizer").contains("diplotype is used"));
        GeneResult agreeing = caller.call(new GeneInput("CYP2D6", "*1/*4", "IM", "1.0", null, null));
        assertThat(agreeing.warnings()).isEmpty();
        GeneResult badScore = caller.call(new GeneInput("CYP2D6", "*1/*4", null, "2.0", null, null));
        assertThat(badScore.warnings()).singleElement().satisfies(w -> assertThat(w).contains("2.0").contains("1.0"));
        GeneResult unreadable = caller.call(new GeneInput("CYP2C19", "*1/*1", "zzz", null, null, null));
        assertThat(unreadable.phenotype()).isEqualTo("Normal Metabolizer");
        assertThat(unreadable.warnings()).singleElement().satisfies(w -> assertThat(w).contains("'zzz'"));
        GeneResult hla = caller.call(new GeneInput("HLA-B", "*08:01/*44:02", null, null, "*57:01 positive", null));
        assertThat(hla.warnings()).singleElement().satisfies(w -> assertThat(w).contains("*57:01 positive"));
    }

    @Test
    void narrowPanelStarOneKeepsTheTestedVariants() {
        Provenance p = new Provenance("obs-1", LocalDate.of(2025, 1, 2), "Lab", List.of("*2", "*3", "*17"));
        GeneResult r = caller.call(GeneInput.diplotype("CYP2C19", "*1/*1").withProvenance(p));
        assertThat(r.provenance()).isEqualTo(p);
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w).contains("'*1'").contains("*17"));
        assertThat(call("CYP2C19", "*1/*1").warnings()).isEmpty();
    }

    @Test
    void cachedResultsCarryTheCallersProvenance() {
        Provenance a = new Provenance("a", null, null, List.of());
        Provenance b = new Provenance("b", null, null, List.of());
        GeneResult first = caller.call(GeneInput.diplotype("CYP2D6", "*1/*2").withProvenance(a));
        GeneResult second = caller.call(GeneInput.diplotype("CYP2D6", "*1/*2").withProvenance(b));
        assertThat(first.provenance()).isEqualTo(a);
        assertThat(second.provenance()).isEqualTo(b);
        assertThat(second.phenotype()).isEqualTo(first.phenotype());
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', value = {
            "CYP9Z9|*1/*1|gene|Unknown gene 'CYP9Z9'",
            "CYP2D6|*1/*999|diplotype|unknown allele '*999'",
            "CYP2D6|*1/|diplotype|'*1/'",
            "CYP2D6|*1/*2/*3|diplotype|'*1/*2/*3'",
            "CYP2D6|*1x99/*1|diplotype|'*1x99'",
            "CYP2D6|''|diplotype|diplotype is empty",
            "CYP2C19|*1x2/*2|diplotype|'*1x2/*2'",
            "TPMT|*1/*3|diplotype|unknown allele '*3'",
            "DPYD|c.9999A>T/Reference|diplotype|unknown allele 'c.9999A>T'",
            "G6PD|B/A-|diplotype|report the phenotype instead",
            "HLA-B|*57/*08:01|diplotype|one field",
    })
    void badDiplotypesNameGeneFieldAndToken(String gene, String diplotype, String field, String fragment) {
        assertThatThrownBy(() -> call(gene, diplotype))
                .isInstanceOfSatisfying(PgxException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    if (!field.equals("gene")) {
                        assertThat(e.gene()).isEqualTo(gene);
                        assertThat(e.getMessage()).contains(gene);
                    }
                })
                .hasMessageContaining(fragment);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "CYP2D6|1.3|steps of 0.25",
            "CYP2D6|abc|not a number",
            "CYP2D6|-1|negative",
            "CYP2D6|99|implausibly high",
            "CYP2C9|2.5|implausibly high (at most 2.0)",
            "CYP2C19|1.0|no CPIC activity score",
    })
    void badScoresAreNamed(String gene, String score, String fragment) {
        assertThatThrownBy(() -> caller.call(GeneInput.activityScore(gene, score)))
                .isInstanceOfSatisfying(PgxException.class, e -> assertThat(e.field()).isEqualTo("activityScore"))
                .hasMessageContaining(gene).hasMessageContaining(fragment);
    }

    @Test
    void anUnknownCftrVariantIsNamedUnlessAResponsiveVariantDecides() {
        assertThatThrownBy(() -> caller.call(GeneInput.diplotype("CFTR", "F508del/Q39X")))
                .isInstanceOf(PgxException.class).hasMessageContaining("CFTR").hasMessageContaining("Q39X");
        GeneResult r = caller.call(GeneInput.diplotype("CFTR", "G551D/Q39X"));
        assertThat(r.phenotype()).isEqualTo("ivacaftor responsive in CF patients");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("Q39X"));
    }

    @Test
    void badPhenotypesAreNamed() {
        assertThatThrownBy(() -> caller.call(GeneInput.phenotype("CYP2C19", "Normal Function")))
                .isInstanceOfSatisfying(PgxException.class, e -> assertThat(e.field()).isEqualTo("phenotype"))
                .hasMessageContaining("CYP2C19").hasMessageContaining("'Normal Function' is not a CYP2C19 phenotype");
        assertThatThrownBy(() -> caller.call(GeneInput.phenotype("CYP2C19", "fast")))
                .isInstanceOf(PgxException.class).hasMessageContaining("'fast'");
        assertThatThrownBy(() -> caller.call(new GeneInput("CYP2C19", null, null, null, null, null)))
                .isInstanceOf(PgxException.class).hasMessageContaining("no diplotype");
    }

    @Test
    void activityScoreHelperRemapsThroughTheCutoffs() {
        GeneResult half = caller.callActivityScore("CYP2D6", new BigDecimal("1.25").multiply(new BigDecimal("0.5")));
        assertThat(half.phenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(half.activityScore()).isEqualTo("0.625");
        assertThat(caller.callActivityScore("CYP2D6", BigDecimal.ZERO).phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(caller.callActivityScore("CYP2D6", new BigDecimal("2.25")).phenotype()).isEqualTo("Normal Metabolizer");
        assertThat(caller.callActivityScore("CYP2D6", new BigDecimal("1.5"), true).activityScore()).isEqualTo("≥1.5");
        assertThatThrownBy(() -> caller.callActivityScore("CYP2C19", BigDecimal.ONE)).isInstanceOf(PgxException.class);
        assertThatThrownBy(() -> caller.callActivityScore("CYP2D6", new BigDecimal("-0.5")))
                .isInstanceOf(PgxException.class);
    }

    @Test
    void classShiftsFollowTheGenesRanks() {
        GeneResult nm = call("CYP2C19", "*1/*1");
        assertThat(caller.shiftPhenotype(nm, -1).phenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(caller.shiftPhenotype(nm, -1).lookupKey()).isEqualTo("Intermediate Metabolizer");
        assertThat(caller.shiftPhenotype(nm, -1).state()).isEqualTo(ResultState.ACTIONABLE);
        assertThat(caller.shiftPhenotype(nm, -100).phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(caller.shiftPhenotype(nm, 1).phenotype()).isEqualTo("Rapid Metabolizer");
        assertThat(caller.shiftPhenotype(nm, 9).phenotype()).isEqualTo("Ultrarapid Metabolizer");
        assertThat(caller.shiftPhenotype(call("CYP2C19", "*1/*9"), -1).phenotype()).isEqualTo("Likely Poor Metabolizer");
        assertThat(caller.shiftPhenotype(call("TPMT", "*1/*1"), 1).phenotype()).isEqualTo("Normal Metabolizer");
        assertThat(caller.shiftPhenotype(call("SLCO1B1", "*1/*1"), -1).phenotype()).isEqualTo("Decreased Function");
        GeneResult indeterminate = call("CYP2C19", "*1/*12");
        assertThat(caller.shiftPhenotype(indeterminate, -1)).isSameAs(indeterminate);
        assertThat(caller.shiftPhenotype(GeneResult.notTested("CYP2C19"), -1).state()).isEqualTo(ResultState.NOT_TESTED);
        assertThatThrownBy(() -> caller.shiftPhenotype(call("CYP2D6", "*1/*1"), -1)).isInstanceOf(PgxException.class)
                .hasMessageContaining("callActivityScore");
    }
}
