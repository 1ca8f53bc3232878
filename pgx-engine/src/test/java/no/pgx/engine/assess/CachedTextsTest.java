package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Provenance;

/**
 * With caches on, the texts of findings and advice are cached without the patient's test date and lab and filled in
 * per patient. Patients who differ only in test date and lab (or have none, or a lab with Markdown characters) must
 * get exactly the answer an engine without caches gives them, whichever patients the engine saw before.
 */
class CachedTextsTest {
    private static final String[][] GENES = {
            {"CYP2D6", "*4/*4"}, {"CYP2C19", "*2/*2"}, {"CYP2C9", "*1/*3"}, {"HLA-B", "*57:01/*08:01"},
            {"DPYD", "c.1905+1G>A/*1"}, {"TPMT", "*1/*3A"}, {"SLCO1B1", "*5/*15"}, {"NUDT15", "*1/*1"},
            {"UGT1A1", "*28/*28"}, {"CYP3A5", "*3/*3"}, {"VKORC1", "-1639G>A variant/-1639G>A variant"}};

    private static AssessmentRequest.Builder patient(LocalDate date, String lab, boolean sameLabForAll) {
        List<GeneInput> results = new ArrayList<>();
        for (int i = 0; i < GENES.length; i++) {
            String geneLab = lab == null || sameLabForAll ? lab : lab + " " + i;
            results.add(GeneInput.diplotype(GENES[i][0], GENES[i][1])
                    .withProvenance(new Provenance(null, date, geneLab, List.of())));
        }
        return AssessmentRequest.builder().results(results);
    }

    private static List<AssessmentRequest> requests() {
        List<AssessmentRequest> out = new ArrayList<>();
        Object[][] provenances = {
                {LocalDate.of(2021, 3, 4), "Lab A", true},
                {LocalDate.of(2019, 11, 30), "Oslo universitetssykehus", false},
                {null, "Lab A", true},
                {LocalDate.of(2024, 1, 1), null, true},
                {null, null, true},
                {LocalDate.of(2020, 2, 29), "St. Olavs *lab* [test] <x> www.example.no", true},
                {LocalDate.of(2010, 1, 1), "  padded lab ", true},
                {LocalDate.of(2022, 6, 7), "Lab 1003-01-01", true},
                {LocalDate.of(2022, 6, 8), "Lab 1003-01-01 \u00A4", true}};
        for (Object[] p : provenances) {
            LocalDate date = (LocalDate) p[0];
            String lab = (String) p[1];
            boolean same = (Boolean) p[2];
            out.add(patient(date, lab, same).allDrugs().build());
            out.add(patient(date, lab, same).allDrugs().includeNormal(true).build());
            out.add(patient(date, lab, same).drug("codeine").drug("clopidogrel").drug("warfarin").drug("abacavir")
                    .drug("fluorouracil").medication("omeprazole").ageYears(60).build());
            out.add(patient(date, lab, same).drug("tamoxifen").drug("paroxetine").medication("metoprolol").build());
        }
        return out;
    }

    @Test
    void answersAreThoseOfAnEngineWithoutCaches() {
        List<AssessmentRequest> requests = requests();
        List<Assessment> expected = new ArrayList<>();
        PgxEngine uncached = PgxEngine.builder().cacheSize(0).build();
        for (AssessmentRequest r : requests) {
            expected.add(uncached.assess(r));
        }
        PgxEngine cached = PgxEngine.builder().build();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < requests.size(); i++) {
                int k = round == 1 ? requests.size() - 1 - i : i;
                assertThat(cached.assess(requests.get(k))).as("request %d, round %d", k, round)
                        .isEqualTo(expected.get(k));
            }
        }
    }

    @Test
    void theDetailsShowTheTestDateAndLab() {
        // guards the comparison above against details that never show a date or lab
        Assessment a = PgxEngine.builder().build().assess(requests().get(0));
        assertThat(a.findings()).isNotEmpty();
        assertThat(a.findings()).anySatisfy(f -> assertThat(f.detail().en()).contains("2021-03-04").contains("Lab A"));
        assertThat(a.advice()).anySatisfy(d -> assertThat(d.detail().nb()).contains("2021-03-04").contains("Lab A"));
    }
}
