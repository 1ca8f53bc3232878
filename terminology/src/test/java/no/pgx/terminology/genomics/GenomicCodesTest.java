package no.pgx.terminology.genomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The expected values below were read in the sources named in the table headers (HL7 Genomics Reporting IG FSH sources
 * and examples, FHIR core genetics examples, NCBI Gene / Ensembl / ClinGen records), not from this implementation.
 */
class GenomicCodesTest {
    private final GenomicCodes codes = GenomicCodes.loadDefault();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "GENOTYPE_DISPLAY_NAME, http://loinc.org, 84413-4",
            "HAPLOTYPE_NAME, http://loinc.org, 84414-2",
            "GENE_STUDIED, http://loinc.org, 48018-6",
            "DRUG_METABOLISM_EFFECT, http://loinc.org, 53040-2",
            "MEDICATION_ASSESSED, http://loinc.org, 51963-7",
            "GENETIC_VARIANT_ASSESSMENT, http://loinc.org, 69548-6",
            "GENETIC_REPORT_PANEL, http://loinc.org, 81247-9",
            "THERAPEUTIC_IMPLICATION, http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs, therapeutic-implication",
            "GENOTYPE_DETERMINATION, http://snomed.info/sct, 363779003",
            "PRESENT, http://loinc.org, LA9633-4",
            "POSITIVE, http://loinc.org, LA6576-8",
    })
    void conceptsHaveTheCodesOfTheSources(GenomicConcept concept, String system, String code) {
        assertThat(codes.code(concept).system()).isEqualTo(system);
        assertThat(codes.code(concept).code()).isEqualTo(code);
        assertThat(codes.concept(system, code)).contains(concept);
    }

    @ParameterizedTest
    @EnumSource(GenomicConcept.class)
    void everyConceptHasADisplay(GenomicConcept concept) {
        assertThat(codes.code(concept).display()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "CYP2D6, HGNC:2625", "CYP2C19, HGNC:2621", "CYP2C9, HGNC:2623", "DPYD, HGNC:3012", "TPMT, HGNC:12014",
            "NUDT15, HGNC:23063", "SLCO1B1, HGNC:10959", "UGT1A1, HGNC:12530", "CYP3A5, HGNC:2638",
            "CYP2B6, HGNC:2615", "VKORC1, HGNC:23663", "HLA-A, HGNC:4931", "HLA-B, HGNC:4932", "ABCG2, HGNC:74",
            "CYP3A4, HGNC:2637", "NAT2, HGNC:7646", "G6PD, HGNC:4057", "RYR1, HGNC:10483", "CACNA1S, HGNC:1397",
            "MT-RNR1, HGNC:7470", "IFNL3, HGNC:18365", "CFTR, HGNC:1884",
    })
    void genesHaveTheirVerifiedHgncIds(String symbol, String hgncId) {
        assertThat(codes.gene(symbol)).map(GeneCode::hgncId).contains(hgncId);
        assertThat(codes.geneByHgncId(hgncId)).map(GeneCode::symbol).contains(symbol);
        // FHIR core STU3 examples send the bare number, older systems a lower-case prefix.
        assertThat(codes.geneByHgncId(hgncId.substring(5))).map(GeneCode::symbol).contains(symbol);
        assertThat(codes.geneByHgncId(hgncId.toLowerCase())).map(GeneCode::symbol).contains(symbol);
    }

    @Test
    void unverifiedOrWrongIdsAreNotGuessed() {
        assertThat(codes.gene("CYP4F2")).map(GeneCode::hgncId).isEmpty();
        assertThat(codes.gene("CYP4F2")).isPresent();
        assertThat(codes.geneByHgncId("HGNC:18364")).as("HGNC:18364 is IFNL2, not IFNL3").isEmpty();
        assertThat(codes.geneByHgncId("HGNC:1100")).as("BRCA1 is not a pharmacogene here").isEmpty();
        assertThat(codes.geneByHgncId("")).isEmpty();
        assertThat(codes.geneByHgncId(null)).isEmpty();
    }

    @Test
    void geneSymbolsAreCaseAndHyphenInsensitive() {
        assertThat(codes.gene("cyp2d6")).map(GeneCode::symbol).contains("CYP2D6");
        assertThat(codes.gene("HLA B")).map(GeneCode::symbol).contains("HLA-B");
        assertThat(codes.gene("hlab")).map(GeneCode::symbol).contains("HLA-B");
        assertThat(codes.gene("MTRNR1")).map(GeneCode::symbol).contains("MT-RNR1");
        assertThat(codes.gene("BRCA1")).isEmpty();
        assertThat(codes.gene("HLA-B").orElseThrow().isHla()).isTrue();
        assertThat(codes.gene("CYP2D6").orElseThrow().isHla()).isFalse();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = ';', value = {
            "CYP2C19 *2/*2; CYP2C19",
            "CYP2D6*1/*4; CYP2D6",
            "cyp2c9 genotype; CYP2C9",
            "HLA-B*57:01 positive; HLA-B",
            "HLA-B57:01; HLA-B",
            "HLA B*15:02; HLA-B",
            "Genotype of CYP3A4 and CYP3A5; CYP3A4,CYP3A5",
            "MT-RNR1 m.1555A>G; MT-RNR1",
            "NAT2*5/*6; NAT2",
            "CYP2C19; CYP2C19",
    })
    void findsGeneSymbolsInText(String text, String expected) {
        assertThat(codes.genesIn(text)).containsExactlyElementsOf(Arrays.asList(expected.split(",")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"CYP2C1 genotype", "CYP2D66", "XCYP2D6", "Genotype display name", "BRCA1 c.68_69del"})
    void doesNotFindGenesInsideOtherWords(String text) {
        assertThat(codes.genesIn(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "Ultrarapid Metabolizer, LA10315-2",
            "Rapid Metabolizer, LA25390-8",
            "Normal Metabolizer, LA25391-6",
            "Intermediate Metabolizer, LA10317-8",
            "Poor Metabolizer, LA9657-3",
            "Decreased Function, LA25395-7",
    })
    void metabolizerTermsHaveTheLoincAnswersOfTheIgValueSet(String cpicTerm, String answer) {
        assertThat(codes.phenotypeByAnswer(answer)).map(PhenotypeAnswer::cpicTerm).contains(cpicTerm);
        assertThat(codes.phenotype(cpicTerm).orElseThrow().answer().code()).isEqualTo(answer);
    }

    @Test
    void theTaskBriefsGuessedAnswerCodesAreNotUsed() {
        assertThat(codes.phenotypeByAnswer("LA25390-2")).isEmpty();
        assertThat(codes.phenotypeByAnswer("LA25391-0")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Poor Metabolizer; LA9657-3",
            "poor metabolizer; LA9657-3",
            "Normal  metabolizer; LA25391-6",
            "Poor Function; LA25394-0",
    })
    void cpicTermsAndLoincDisplaysFindTheAnswer(String text, String answer) {
        assertThat(codes.phenotype(text)).map(p -> p.answer().code()).contains(answer);
    }

    @Test
    void termsWithoutAVerifiedAnswerHaveNone() {
        assertThat(codes.phenotype("Indeterminate")).isEmpty();
        assertThat(codes.phenotype("Likely Poor Metabolizer")).isEmpty();
        assertThat(codes.phenotype("langsom omsetter")).as("Norwegian labels belong to the phenotype vocabulary").isEmpty();
    }

    @Test
    void givesTheGeneOfGeneSpecificCodes() {
        assertThat(codes.geneOf(GenomicConcept.CYP2C9_METABOLIC_ACTIVITY)).contains("CYP2C9");
        assertThat(codes.geneOf(GenomicConcept.GENOTYPE_DISPLAY_NAME)).isEmpty();
    }

    @Test
    void unknownLookupsAreEmptyNotErrors() {
        assertThat(codes.phenotype(null)).isEmpty();
        assertThat(codes.phenotype("Extensive metabolizer")).isEmpty();
        assertThat(codes.concept(null, "84413-4")).isEmpty();
        assertThat(codes.genesIn(null)).isEmpty();
        assertThat(codes.version()).isNotBlank();
    }
}
