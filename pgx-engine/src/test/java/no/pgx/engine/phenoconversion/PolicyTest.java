package no.pgx.engine.phenoconversion;

import static no.pgx.engine.phenoconversion.ModulatorTableTest.serving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.pgx.engine.PgxException;

/** The shipped policy says what docs/clinical-rules.md ("Phenoconversion") says, and a bad policy file is refused. */
class PolicyTest {
    private static final Policy POLICY = Policy.load(PolicyTest.class.getClassLoader());

    @Test
    void hasAVersion() {
        assertThat(POLICY.version()).isEqualTo("phenoconversion-policy-1.0");
        assertThat(Phenoconverter.loadDefault().policyVersion()).startsWith(POLICY.version() + "+");
    }

    @ParameterizedTest(name = "{0} {2} {1}: {3} {4}")
    @CsvSource({
            "CYP2D6,  inhibitor, strong,   SCALE_ACTIVITY_SCORE, 0",
            "CYP2D6,  inhibitor, moderate, SCALE_ACTIVITY_SCORE, 0.5",
            "CYP2D6,  inhibitor, weak,     NONE,                 ",
            "CYP2C9,  inhibitor, strong,   SCALE_ACTIVITY_SCORE, 0",
            "CYP2C9,  inhibitor, moderate, SCALE_ACTIVITY_SCORE, 0.5",
            "CYP2C19, inhibitor, moderate, SHIFT_CLASS,          -1",
            "CYP2C19, inducer,   strong,   SHIFT_CLASS,          1",
            "CYP2C19, inducer,   moderate, NONE,                 ",
    })
    void rulesFollowClinicalMd(String gene, String effect, String strength, Policy.Action action, String value) {
        Policy.Rule rule = POLICY.rule(gene, Effect.parse(effect), Strength.parse(strength)).orElseThrow();

        assertThat(rule.action()).isEqualTo(action);
        if (action == Policy.Action.SCALE_ACTIVITY_SCORE) {
            assertThat(rule.factor()).isEqualByComparingTo(new BigDecimal(value));
        } else if (action == Policy.Action.SHIFT_CLASS) {
            assertThat(rule.classes()).isEqualTo(Integer.parseInt(value));
        }
    }

    @Test
    void strongCyp2c19InhibitorSetsPoorMetabolizer() {
        Policy.Rule rule = POLICY.rule("CYP2C19", Effect.INHIBITOR, Strength.STRONG).orElseThrow();

        assertThat(rule.action()).isEqualTo(Policy.Action.SET_PHENOTYPE);
        assertThat(rule.target()).isEqualTo("Poor Metabolizer");
    }

    @Test
    void cyp3a4HasNoRule() {
        for (Strength s : Strength.values()) {
            assertThat(POLICY.rule("CYP3A4", Effect.INHIBITOR, s)).isEmpty();
            assertThat(POLICY.rule("CYP3A4", Effect.INDUCER, s)).isEmpty();
        }
    }

    @Test
    void scalingAGeneWithoutScoreBandsIsRefused() {
        String bad = "# version: bad\ngene,effect,strength,action,value,note\n"
                + "CYP2C19,inhibitor,moderate,scale-activity-score,0.5,\n";

        assertThatThrownBy(() -> Policy.load(serving(Policy.RESOURCE, bad)))
                .isInstanceOf(PgxException.class).hasMessageContaining("line 3").hasMessageContaining("CYP2C19");
    }

    @Test
    void policyWithoutVersionIsRefused() {
        String bad = "gene,effect,strength,action,value,note\nCYP2D6,inhibitor,strong,scale-activity-score,0,\n";

        assertThatThrownBy(() -> Policy.load(serving(Policy.RESOURCE, bad)))
                .isInstanceOf(PgxException.class).hasMessageContaining("version");
    }

    @Test
    void ladderStopsAtTheEnds() {
        ClassLadder ladder = POLICY.ladder();

        assertThat(ladder.shift("CYP2C19", "Poor Metabolizer", -1)).contains("Poor Metabolizer");
        assertThat(ladder.shift("CYP2C19", "Ultrarapid Metabolizer", 1)).contains("Ultrarapid Metabolizer");
        assertThat(ladder.shift("CYP2C19", "Normal Metabolizer", -2)).contains("Poor Metabolizer");
        assertThat(ladder.shift("CYP2C19", "normal metabolizer", 1)).contains("Rapid Metabolizer");
        assertThat(ladder.shift("CYP2C19", "Indeterminate", -1)).isEmpty();
        assertThat(ladder.shift("TPMT", "Normal Metabolizer", -1)).isEmpty();
    }
}
