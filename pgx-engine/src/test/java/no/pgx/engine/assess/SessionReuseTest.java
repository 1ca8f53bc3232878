package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;

/**
 * The engine keeps rule sessions that hold a drug group's knowledge and cleans them after each request. An answer must
 * not depend on which patients the engine assessed before: each request here is answered by a new engine first, then
 * by one engine that goes through all of them forwards, backwards and forwards again (a group of drugs gets a kept
 * session from its second evaluation on, so later rounds reuse sessions other patients used), with the result caches off so that every answer
 * comes from the rules.
 */
class SessionReuseTest {
    private static final List<AssessmentRequest> REQUESTS = new ArrayList<>();
    private static final List<Assessment> FIRST_ANSWERS = new ArrayList<>();

    private static AssessmentRequest.Builder patient(String cyp2d6, String cyp2c19, String cyp2c9, String hlaB,
                                                     String dpyd, String tpmt, String slco1b1) {
        return AssessmentRequest.builder().results(List.of(
                GeneInput.diplotype("CYP2D6", cyp2d6), GeneInput.diplotype("CYP2C19", cyp2c19),
                GeneInput.diplotype("CYP2C9", cyp2c9), GeneInput.diplotype("HLA-B", hlaB),
                GeneInput.diplotype("DPYD", dpyd), GeneInput.diplotype("TPMT", tpmt),
                GeneInput.diplotype("SLCO1B1", slco1b1), GeneInput.diplotype("NUDT15", "*1/*1"),
                GeneInput.diplotype("UGT1A1", "*1/*28"), GeneInput.diplotype("CYP3A5", "*3/*3")));
    }

    @BeforeAll
    static void answersOfNewEngines() {
        REQUESTS.add(patient("*1/*1", "*1/*1", "*1/*1", "*15:01/*44:02", "*1/*1", "*1/*1", "*1/*1").allDrugs()
                .includeNormal(true).build());
        REQUESTS.add(patient("*4/*4", "*2/*2", "*3/*3", "*57:01/*08:01", "c.1905+1G>A/*1", "*3A/*3A", "*5/*5")
                .allDrugs().build());
        REQUESTS.add(patient("*1/*2x2", "*17/*17", "*1/*2", "*58:01/*07:02", "*1/*1", "*1/*3C", "*1/*15")
                .allDrugs().ageYears(8).build());
        REQUESTS.add(patient("*1/*4", "*1/*2", "*1/*1", "*15:02/*07:02", "*1/*1", "*1/*1", "*1/*1")
                .drug("tamoxifen").drug("clopidogrel").drug("simvastatin").drug("carbamazepine")
                .medication("paroxetine").ageYears(54).build());
        REQUESTS.add(patient("*1/*1", "*2/*17", "*2/*3", "*44:02/*44:03", "*1/*1", "*1/*1", "*5/*15")
                .drug("codeine").drug("warfarin").drug("citalopram").drug("fluorouracil").medication("fluoxetine")
                .build());
        REQUESTS.add(patient("*10/*41", "*1/*1", "*1/*1", "*15:01/*44:02", "*1/*1", "*1/*1", "*1/*1")
                .drug("paroxetine").drug("metoprolol").medication("tamoxifen").build());
        for (AssessmentRequest r : REQUESTS) {
            FIRST_ANSWERS.add(PgxEngine.builder().cacheSize(0).build().assess(r));
        }
    }

    @Test
    void answersDoNotDependOnEarlierPatients() {
        PgxEngine engine = PgxEngine.builder().cacheSize(0).build();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < REQUESTS.size(); i++) {
                int k = round == 1 ? REQUESTS.size() - 1 - i : i;
                assertThat(engine.assess(REQUESTS.get(k))).as("request %d, round %d", k, round)
                        .isEqualTo(FIRST_ANSWERS.get(k));
            }
        }
    }

    @Test
    void theRequestsFindSomething() {
        // guards the comparison above against requests that say nothing (a wrong allele name, say)
        assertThat(FIRST_ANSWERS).allSatisfy(a -> {
            assertThat(a.problems()).isEmpty();
            assertThat(a.findings()).isNotEmpty();
        });
    }
}
