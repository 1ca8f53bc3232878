package no.pgx.terminology.genetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiplotypeParserTest {
    private final GeneRegistry genes = GeneRegistry.loadDefault();
    private final DiplotypeParser parser = DiplotypeParser.loadDefault();

    private Diplotype parse(String gene, String text) {
        return parser.parse(genes.require(gene), text);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "CYP2D6|*1/*4|*1/*4",
            "CYP2D6|*4/*1|*1/*4",
            "CYP2D6|CYP2D6*1/*4|*1/*4",
            "CYP2D6|cyp2d6*4/CYP2D6*1|*1/*4",
            "CYP2D6|CYP2D6 *4 / *1|*1/*4",
            "CYP2D6|1/4|*1/*4",
            "CYP2D6|*1x2/*4|*1x2/*4",
            "CYP2D6|*4/*1X2|*1x2/*4",
            "CYP2D6|*4/*1×2|*1x2/*4",
            "CYP2D6|*2x3/*1|*1/*2x3",
            "CYP2D6|*2xN/*1|*1/*2xN",
            "CYP2D6|*2x≥3/*10|*2x≥3/*10",
            "CYP2D6|*10/*2x>=3|*2x≥3/*10",
            "CYP2D6|*2 x ≥3/*10|*2x≥3/*10",
            "CYP2D6|*36+*10/*1|*1/*36+*10",
            "CYP2D6|*36 + *10/*1|*1/*36+*10",
            "CYP2D6|*13+*2/*4|*4/*13+*2",
            "CYP2D6|*68+*4/*1|*1/*68+*4",
            "CYP2D6|*4.001/*1|*1/*4",
            "CYP2D6|*10x2/*100|*10x2/*100",
            "TPMT|*3a/*1|*1/*3A",
            "UGT1A1|*80+*28/*1|*1/*80+*28",
            "HLA-B|*57:01/*08:01|*08:01/*57:01",
            "HLA-B|HLA-B*57:01:01/HLA-B*08:01:02|*08:01/*57:01",
            "HLA-B|B*5701/B*0801|*08:01/*57:01",
            "HLA-A|HLA-A*31:01:02/*02:01|*02:01/*31:01",
            "DPYD|c.1905+1G>A (*2A)/Reference|Reference/c.1905+1G>A (*2A)",
            "DPYD|reference/c.1905+1G>A(*2A)|Reference/c.1905+1G>A (*2A)",
            "DPYD|c.1129-5923C>G, c.1236G>A (HapB3)/Reference|Reference/c.1129-5923C>G, c.1236G>A (HapB3)",
            "DPYD|c.1129-5923C>G,c.1236G>A (HapB3)/c.1905+1G>A (*2A)|c.1129-5923C>G, c.1236G>A (HapB3)/c.1905+1G>A (*2A)",
            "DPYD|c.1905+1G>A (*2A) + c.2846A>T/Reference|Reference/c.1905+1G>A (*2A) + c.2846A>T",
            "DPYD|DPYD c.2846A>T; c.1905+1G>A (*2A)/Reference|Reference/c.2846A>T + c.1905+1G>A (*2A)",
            "VKORC1|rs9923231 reference (C)/rs9923231 variant (T)|rs9923231 reference (C)/rs9923231 variant (T)",
            "VKORC1|rs9923231 C/T|rs9923231 reference (C)/rs9923231 variant (T)",
            "VKORC1|rs9923231 TC|rs9923231 reference (C)/rs9923231 variant (T)",
            "VKORC1|-1639 GA|rs9923231 reference (C)/rs9923231 variant (T)",
            "VKORC1|-1639 G/A|rs9923231 reference (C)/rs9923231 variant (T)",
            "VKORC1|c.-1639G>A AA|rs9923231 variant (T)/rs9923231 variant (T)",
            "VKORC1|CT|rs9923231 reference (C)/rs9923231 variant (T)",
            "VKORC1|GG|rs9923231 reference (C)/rs9923231 reference (C)",
            "VKORC1|VKORC1 tt|rs9923231 variant (T)/rs9923231 variant (T)",
            "ABCG2|rs2231142 GT|rs2231142 reference (G)/rs2231142 variant (T)",
            "ABCG2|rs2231142 variant (T)/rs2231142 reference (G)|rs2231142 reference (G)/rs2231142 variant (T)",
            "ABCG2|c.421 CA|rs2231142 reference (G)/rs2231142 variant (T)",
            "CYP4F2|rs2108622 CT|*1/*3",
            "CYP4F2|*3/*1|*1/*3",
            "MT-RNR1|m.1555A>G|m.1555A>G",
            "MT-RNR1|1555A>G|m.1555A>G",
            "MT-RNR1|A1555G|m.1555A>G",
            "MT-RNR1|MT-RNR1 m.1555A>G|m.1555A>G",
            "MT-RNR1|reference|Reference",
            "CACNA1S|c.520C>T/Reference|Reference/c.520C>T",
    })
    void normalisesWhatLabsWrite(String gene, String written, String normalized) {
        Diplotype d = parse(gene, written);
        assertThat(d.normalized()).isEqualTo(normalized);
        assertThat(d.asWritten()).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"(TA)7/(TA)6|(TA)7|(TA)6", "A(TA)7TAA/A(TA)7TAA|(TA)7|(TA)7",
            "UGT1A1 (ta)5/(TA)8|(TA)5|(TA)8"})
    void ugt1a1PromoterRepeatsAreKeptForTheAlleleTable(String written, String first, String second) {
        Diplotype d = parse("UGT1A1", written);
        assertThat(d.haplotypes()).extracting(h -> h.parts().get(0).name()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void copyNumbersKeepTheirKind() {
        Diplotype d = parse("CYP2D6", "*2x≥3/*2xN");
        assertThat(d.alleles()).extracting(Allele::copyNumber)
                .containsExactly(Allele.CopyNumber.AT_LEAST, Allele.CopyNumber.UNSPECIFIED);
        assertThat(d.alleles()).extracting(Allele::copies).containsExactly(3, 2);
        Allele exact = parse("CYP2D6", "*2x3/*1").alleles().get(0);
        assertThat(exact.copyNumber()).isEqualTo(Allele.CopyNumber.EXACT);
        assertThat(exact.copies()).isEqualTo(3);
    }

    @Test
    void tandemKeepsItsParts() {
        Diplotype d = parse("CYP2D6", "*36 + *10/*1");
        assertThat(d.haplotypes().get(0).parts()).extracting(Allele::name).containsExactly("*36", "*10");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "CYP2D6|''|diplotype is empty",
            "CYP2D6|*1/|empty allele after '/'",
            "CYP2D6|/*1|empty allele before '/'",
            "CYP2D6|*1/*2/*3|3 alleles separated by '/'",
            "CYP2D6|*1|expected two alleles",
            "CYP2D6|*1x99/*1|copy number 99 in '*1x99'",
            "CYP2D6|*1x0/*1|copy number 0 in '*1x0'",
            "CYP2D6|*1x≥1/*1|copy number ≥1",
            "CYP2D6|foo/*1|'foo' is not a star allele",
            "CYP2D6|*1+/*1|empty allele around '+'",
            "CYP2D6|CYP2C19*2/*1|'CYP2C19*2' is written for gene CYP2C19",
            "CYP2C19|*1x2/*2|copy-number notation 'x2' in '*1x2' is not used for CYP2C19",
            "HLA-B|*57/*08:01|'*57' has one field only",
            "HLA-B|HLA-A*31:01/*08:01|'HLA-A*31:01' is written for HLA-A",
            "HLA-B|xyz/*08:01|'xyz' is not an HLA allele",
            "VKORC1|rs123 C/T|'rs123' is not the VKORC1 variant",
            "VKORC1|AC|does not fit rs9923231",
            "VKORC1|rs9923231 A/G|base 'A' is neither",
            "MT-RNR1|m.1555A>G/Reference|mitochondrial",
    })
    void badInputNamesGeneFieldAndToken(String gene, String written, String fragment) {
        assertThatThrownBy(() -> parse(gene, written))
                .isInstanceOfSatisfying(NotationException.class, e -> {
                    assertThat(e.gene()).isEqualTo(gene);
                    assertThat(e.field()).isEqualTo("diplotype");
                })
                .hasMessageContaining(gene)
                .hasMessageContaining(fragment)
                .hasMessageContaining("'" + written.trim() + "'");
    }

    @Test
    void nullIsEmpty() {
        assertThatThrownBy(() -> parse("CYP2D6", null)).isInstanceOf(NotationException.class)
                .hasMessageContaining("CYP2D6").hasMessageContaining("empty");
    }

    @Test
    void alleleOrderMatchesCpicTables() {
        assertThat(AlleleOrder.INSTANCE.compare("*1", "*10")).isNegative();
        assertThat(AlleleOrder.INSTANCE.compare("*10x2", "*100")).isNegative();
        assertThat(AlleleOrder.INSTANCE.compare("*1x2", "*1x≥3")).isNegative();
        assertThat(AlleleOrder.INSTANCE.compare("*1", "*1x2")).isNegative();
        assertThat(AlleleOrder.INSTANCE.compare("Reference", "c.61C>T")).isNegative();
        assertThat(AlleleOrder.INSTANCE.compare("c.1129-5923C>G", "c.1129-5923C>G, c.1236G>A (HapB3)")).isNegative();
        assertThat(AlleleOrder.INSTANCE.compare("c.1156G>T (*12)", "c.1129-5923C>G, c.1236G>A (HapB3)")).isPositive();
        assertThat(AlleleOrder.INSTANCE.compare("*08:01", "*57:01")).isNegative();
    }
}
