package no.pgx.knowledge.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The diff a committee signs off: between the shipped knowledge and a copy with three deliberate changes (one allele
 * function, one recommendation's action, one new drug) it reports exactly those changes and their clinical
 * consequences, and nothing else. The changes are made up for the test; they are not clinical content.
 */
class KnowledgeDiffTest {
    /** CPIC citalopram, CYP2C19 Ultrarapid Metabolizer. */
    static final String CITALOPRAM_UM = "PA166297336";

    private static KnowledgeDiff.Report report;

    @BeforeAll
    static void diffShippedAgainstChangedCopy() throws IOException {
        Path changed = KnowledgeModule.scratch("diff-new");
        KnowledgeModule.copy(KnowledgeModule.SHIPPED, changed);
        applyThreeChanges(changed);
        report = KnowledgeDiff.compare(KnowledgeModule.SHIPPED, changed);
        Files.writeString(KnowledgeModule.WORK.resolve("diff-example.md"), DiffWriter.markdown(report),
                StandardCharsets.UTF_8);
        Files.writeString(KnowledgeModule.WORK.resolve("diff-example.csv"), DiffWriter.csv(report),
                StandardCharsets.UTF_8);
    }

    /** The example of docs/knowledge-updates.md. */
    static void applyThreeChanges(Path root) throws IOException {
        // 1. CYP2C19*9 re-classified from decreased to normal function
        replace(root.resolve("phenotype/allele_function.csv"), "\nCYP2C19,*9,Decreased function,",
                "\nCYP2C19,*9,Normal function,");
        // 2. CPIC citalopram for ultrarapid metabolizers: consider an alternative -> avoid
        Path cpic = root.resolve("guidelines/recommendations-cpic.csv");
        replace(cpic, CITALOPRAM_UM + ",PA166127638,citalopram,CYP2C19=Ultrarapid Metabolizer,general,Strong,"
                        + "CONSIDER_ALTERNATIVE,",
                CITALOPRAM_UM + ",PA166127638,citalopram,CYP2C19=Ultrarapid Metabolizer,general,Strong,AVOID,");
        // 3. a new drug: a CPIC guideline for carvedilol with two rows
        append(root.resolve("guidelines/guidelines.csv"), "PA000000001,CPIC,CPIC guideline for CYP2D6 and carvedilol,"
                + "carvedilol,CYP2D6,2099-01 (test example),https://cpicpgx.org/guidelines/,CC0-1.0\r\n");
        append(cpic, "PA000000002,PA000000001,carvedilol,CYP2D6=0.0,general,Optional,MONITOR,,titrate-by-response,,"
                + "increased-exposure-toxicity,test example,CYP2D6=0.0\r\n"
                + "PA000000003,PA000000001,carvedilol,CYP2D6=2.0,general,Strong,STANDARD_DOSE,,,,normal-expected,"
                + "test example,CYP2D6=2.0\r\n");
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file + " contains the text to change").contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
    }

    @Test
    void recommendationChangesAreTheChangedActionAndTheNewDrugsRows() {
        assertThat(report.recommendations())
                .extracting(KnowledgeDiff.RecommendationChange::kind, KnowledgeDiff.RecommendationChange::drug,
                        KnowledgeDiff.RecommendationChange::key)
                .containsExactly(
                        tuple("added", "carvedilol", "CYP2D6=0.0"),
                        tuple("added", "carvedilol", "CYP2D6=2.0"),
                        tuple("changed", "citalopram", "CYP2C19=Ultrarapid Metabolizer"));
        KnowledgeDiff.RecommendationChange citalopram = report.recommendations().get(2);
        assertThat(citalopram.fields()).containsExactly(
                new KnowledgeDiff.FieldChange("action", "CONSIDER_ALTERNATIVE", "AVOID"));
        assertThat(citalopram.phenotype()).isEqualTo("Ultrarapid Metabolizer");
        assertThat(report.recommendations().get(0).phenotype()).isEqualTo("Poor Metabolizer");
        assertThat(report.byDrug()).containsOnlyKeys("carvedilol", "citalopram");
        assertThat(report.newDrugs()).containsExactly("carvedilol");
        assertThat(report.withdrawnDrugs()).isEmpty();
    }

    @Test
    void theNewDrugsGuidelineIsTheOnlyGuidelineChange() {
        assertThat(report.guidelines()).extracting(KnowledgeDiff.GuidelineChange::kind,
                KnowledgeDiff.GuidelineChange::id).containsExactly(tuple("added", "PA000000001"));
    }

    @Test
    void theAlleleChangeNamesTheDiplotypesAndDrugsItTouches() {
        assertThat(report.alleles()).hasSize(1);
        KnowledgeDiff.AlleleChange a = report.alleles().get(0);
        assertThat(a.gene()).isEqualTo("CYP2C19");
        assertThat(a.allele()).isEqualTo("*9");
        assertThat(a.before()).isEqualTo("Decreased function");
        assertThat(a.after()).isEqualTo("Normal function");
        assertThat(a.diplotypes()).contains(
                new KnowledgeDiff.DiplotypeChange("*9/*1", "Likely Intermediate Metabolizer", "Normal Metabolizer"),
                new KnowledgeDiff.DiplotypeChange("*9/*2", "Likely Poor Metabolizer", "Intermediate Metabolizer"),
                new KnowledgeDiff.DiplotypeChange("*9/*17", "Likely Intermediate Metabolizer", "Rapid Metabolizer"));
        // *9 with an allele of unknown or uncertain function stays Indeterminate
        assertThat(a.diplotypes()).extracting(KnowledgeDiff.DiplotypeChange::diplotype).doesNotContain("*9/*12");
        // clopidogrel for a *1/*9 patient after PCI: alternative advice before, standard dose after
        assertThat(a.drugs()).anySatisfy(d -> {
            assertThat(d.drug()).isEqualTo("clopidogrel");
            assertThat(d.source()).isEqualTo("CPIC");
            assertThat(d.population()).isEqualTo("cvi-acs-pci");
            assertThat(d.before()).startsWith("AVOID");
            assertThat(d.after()).startsWith("STANDARD_DOSE");
        });
        assertThat(a.drugs()).extracting(KnowledgeDiff.DrugEffect::drug).contains("citalopram", "voriconazole")
                .doesNotContain("codeine", "carvedilol");
    }

    @Test
    void nothingElseDiffers() {
        assertThat(report.lookupKeys()).isEmpty();
        assertThat(report.catalog()).isEmpty();
        assertThat(KnowledgeDiff.compare(KnowledgeModule.SHIPPED, KnowledgeModule.SHIPPED).isEmpty()).isTrue();
    }

    @Test
    void aChangedDoseFactIsAChangeOfItsRecommendation() throws IOException {
        Path changed = KnowledgeModule.scratch("diff-dose");
        KnowledgeModule.copy(KnowledgeModule.SHIPPED, changed);
        // the first dose fact of CPIC amitriptyline (CYP2C19 Indeterminate, CYP2D6 0.0): 50 % -> 25 %
        replace(changed.resolve("curation/dose-facts.csv"), "\nPA166297113,CPIC,amitriptyline,starting,percent,50,",
                "\nPA166297113,CPIC,amitriptyline,starting,percent,25,");
        KnowledgeDiff.Report r = KnowledgeDiff.compare(KnowledgeModule.SHIPPED, changed);
        assertThat(r.recommendations()).singleElement().satisfies(c -> {
            assertThat(c.drug()).isEqualTo("amitriptyline");
            assertThat(c.key()).isEqualTo("CYP2C19=Indeterminate;CYP2D6=0.0");
            assertThat(c.fields()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("dose_facts");
                assertThat(f.before()).startsWith("starting percent 50 %");
                assertThat(f.after()).startsWith("starting percent 25 %");
            });
        });
    }

    @Test
    void markdownAndCsvCarryTheChangesAndTheSignOff() {
        String md = DiffWriter.markdown(report);
        assertThat(md).contains("### carvedilol (new drug): 2 rows added", "### citalopram: 1 row changed",
                "action: CONSIDER_ALTERNATIVE → AVOID", "### CYP2C19 *9: changed, Decreased function → Normal function",
                "## Sign-off");
        String csv = DiffWriter.csv(report);
        assertThat(csv).startsWith("section,change,drug,source,population,gene_result,phenotype,field,before,after\n")
                .contains("recommendation,changed,citalopram,CPIC,general,CYP2C19=Ultrarapid Metabolizer,"
                        + "Ultrarapid Metabolizer,action,CONSIDER_ALTERNATIVE,AVOID\n");
    }
}
