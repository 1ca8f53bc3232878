package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The kbase named in kmodule.xml holds one generated rule per table row and every hand-written rule package (a package
 * missing from kmodule.xml's list would silently drop its rules).
 */
class RuleBaseTest {

    @Test
    void kbaseHoldsOneRulePerRowAndEveryHandWrittenPackage() {
        Map<String, Integer> rules = RuleBase.load(RowCases.LOADER).rulesPerPackage();
        assertThat(rules).containsKeys("no.pgx.rules.selection", "no.pgx.rules.population", "no.pgx.rules.precedence",
                "no.pgx.rules.visibility", "no.pgx.rules.outcome");
        assertThat(rules.get("no.pgx.rules.recommendation")).isEqualTo((int) RowCases.rows().count());
    }
}
