package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import no.pgx.engine.PgxException;

/**
 * Table-driven checks of the clinical context tables (clinical/, curation/dose-facts.csv) as the engine loads them:
 * every row of the shipped tables names known drugs, conditions, genes and recommendation rows, and a broken row stops
 * the engine with the table, line and field in the message.
 */
class ClinicalTablesTest {
    static final Knowledge KNOWLEDGE = RowCases.KNOWLEDGE;
    static final ClinicalKnowledge CLINICAL = KNOWLEDGE.clinical;

    static Stream<ClinicalKnowledge.DoseRow> doseRows() {
        return CLINICAL.doseById.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doseRows")
    void everyDoseFactBelongsToARowOfItsDrugAndSource(ClinicalKnowledge.DoseRow d) {
        // a recommendation row, or a statement of a dosing-algorithm guideline (curation/algorithm-statements.csv)
        Knowledge.Row row = KNOWLEDGE.row(d.recommendationId());
        assertThat(row).as("recommendation %s", d.recommendationId()).isNotNull();
        assertThat(row.drug()).isEqualTo(d.drug());
        assertThat(row.source()).isEqualTo(d.source());
        if (d.change().equals("percent")) {
            assertThat(d.percent()).isNotBlank();
        }
        if (d.ageMin() != null && d.ageMax() != null) {
            assertThat(d.ageMin()).isLessThan(d.ageMax());
        }
    }

    static Stream<ClinicalKnowledge.ScopeRow> scopeRows() {
        return CLINICAL.scopeById.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopeRows")
    void everyScopedAlternativeIsOneTheDrugsAdviceNames(ClinicalKnowledge.ScopeRow s) {
        assertThat(KNOWLEDGE.alternativesOf(s.drug())).as("alternatives of %s", s.drug()).contains(s.alternative());
    }

    static Stream<ClinicalKnowledge.InteractionRow> interactionRows() {
        return CLINICAL.interactionById.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interactionRows")
    void everyInteractionRowConcernsAGeneOfItsVictimAndNamesAPerpetratorOfThatGene(ClinicalKnowledge.InteractionRow i) {
        assertThat(KNOWLEDGE.drugs.get(i.victim()).genes()).contains(i.gene());
        assertThat(i.replaceWith()).doesNotContain(i.victim());
        if (i.perpetrator() != null) {
            assertThat(i.replaceWith()).doesNotContain(i.perpetrator());
        }
    }

    @Test
    void testBeforeStartRowsAreSystemicAndKnowTheirAudience() {
        assertThat(KNOWLEDGE.tests.values()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.requirement()).isIn("required", "recommended", "information");
            if (t.requirement().equals("information")) {
                assertThat(t.audience()).as("information rows are for an audience").isNotEmpty();
            }
        });
        assertThat(KNOWLEDGE.tests.values()).filteredOn(t -> t.drug().equals("carbamazepine"))
                .allSatisfy(t -> assertThat(t.audience()).contains("han-chinese", "thai"));
    }

    @Test
    void conditionsResolveByIdAndByCodeInEachSystem() {
        assertThat(CLINICAL.condition("stroke-tia").ids()).containsExactly("stroke-tia");
        assertThat(CLINICAL.condition("I63.9").ids()).first().isEqualTo("stroke-tia");
        assertThat(CLINICAL.condition("icd10:I21.4").ids()).contains("acs");
        assertThat(CLINICAL.condition("http://hl7.org/fhir/sid/icd-10|G45.9").ids()).contains("stroke-tia");
        assertThat(CLINICAL.condition("icpc2:K90").ids()).contains("stroke-tia");
        assertThat(CLINICAL.condition("http://snomed.info/sct|230690007").ids()).contains("stroke-tia");
        assertThat(CLINICAL.condition("Z99.9").ids()).isEmpty();
        assertThat(CLINICAL.condition("Z99.9").problem()).contains("unknown condition 'Z99.9'");
        assertThat(CLINICAL.populationOf("acs")).isEqualTo("cvi-acs-pci");
        assertThat(CLINICAL.populationOf("stroke-tia")).isEqualTo("nvi");
    }

    @Test
    void aRowNamingAnUnknownDrugStopsTheEngineWithTableLineAndField(@TempDir Path dir) throws IOException {
        Path clinical = dir.resolve("no/pgx/knowledge/clinical");
        Files.createDirectories(clinical);
        Files.writeString(clinical.resolve("interaction-advice.csv"), """
                # source: test
                # version: test
                # licence: CC0-1.0
                id,victim,gene,perpetrator,perpetrator_strength,advice,keep,replace_with,basis,reason_en,reason_nb,source,section,url,checked,confidence,enzyme,effect,phenotype,severity
                ia-x,tamoxifenx,CYP2D6,paroxetine,strong,replace-perpetrator,victim,,smpc,x,x,test,4.5,,2026-11-24,test,,inhibitor,,caution
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(PgxException.class)
                .hasMessageContaining("interaction-advice.csv:5")
                .hasMessageContaining("unknown drug 'tamoxifenx'");
    }

    @Test
    void aRowWithAnUnknownKindStopsTheEngine(@TempDir Path dir) throws IOException {
        Path clinical = dir.resolve("no/pgx/knowledge/clinical");
        Files.createDirectories(clinical);
        Files.writeString(clinical.resolve("contraindications.csv"), """
                # source: test
                # version: test
                # licence: CC0-1.0
                id,drug,kind,value,severity,reason_en,reason_nb,source,section,url,checked,confidence
                ci-x,prasugrel,height-max,75,not-recommended,x,x,test,4.4,,2026-11-24,test
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> load(dir)).isInstanceOf(PgxException.class)
                .hasMessageContaining("column 'kind' is 'height-max'");
    }

    @Test
    void aDoseFactWithoutItsNumberStopsTheEngine(@TempDir Path dir) throws IOException {
        Path curation = dir.resolve("no/pgx/knowledge/curation");
        Files.createDirectories(curation);
        Files.writeString(curation.resolve("dose-facts.csv"), """
                # source: test
                # version: test
                # licence: CC0-1.0
                recommendation_id,source,drug,dose_kind,change,percent,amount,unit,age_min_years,age_max_years,conditional,condition_en,condition_nb,basis,checked
                PA1,CPIC,phenytoin,maintenance,percent,,,,,,no,,,test,2026-11-24
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> load(dir)).isInstanceOf(PgxException.class)
                .hasMessageContaining("change 'percent' needs a percent");
    }

    /** Loads the clinical tables with the fixture directory in front of the shipped tables. */
    private static ClinicalKnowledge load(Path dir) {
        ClassLoader shipped = ClinicalTablesTest.class.getClassLoader();
        ClassLoader fixture = new ClassLoader(shipped) {
            @Override
            public URL getResource(String name) {
                Path p = dir.resolve(name);
                if (Files.exists(p)) {
                    try {
                        return p.toUri().toURL();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return shipped.getResource(name);
            }

            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                try {
                    URL u = getResource(name);
                    return u == null ? null : u.openStream();
                } catch (IOException e) {
                    return null;
                }
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return shipped.getResources(name);
            }
        };
        Set<String> drugs = Set.of("prasugrel", "ticagrelor", "clopidogrel", "phenytoin", "omeprazole",
                "pantoprazole", "tamoxifen", "paroxetine", "citalopram", "escitalopram", "venlafaxine", "mirtazapine",
                "acetylsalicylic acid", "dipyridamole", "clarithromycin", "ketoconazole", "ritonavir", "carvedilol",
                "naproxen", "oxycodone", "fluorouracil", "capecitabine", "tegafur", "abacavir", "siponimod",
                "eliglustat", "azathioprine", "mercaptopurine", "thioguanine", "carbamazepine", "oxcarbazepine",
                "efavirenz", "metoprolol", "fluoxetine", "esomeprazole");
        return ClinicalKnowledge.load(fixture, new ClinicalKnowledge.Catalog(
                no.pgx.terminology.drug.DrugCatalog.loadDefault()), g -> true,
                RowCases.KNOWLEDGE.populations.keySet());
    }
}
