package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.pgx.engine.Action;

/** docs/clinical-rules.md: critical for avoid / test required, warning for dose change or alternative, info otherwise. */
class UrgencyTest {

    @ParameterizedTest
    @CsvSource({
        "AVOID, critical", "TEST_REQUIRED, critical", "CONSIDER_ALTERNATIVE, warning", "REDUCE_DOSE, warning",
        "INCREASE_DOSE, warning", "STANDARD_DOSE, info", "MONITOR, info", "NO_RECOMMENDATION, info"})
    void mapsActions(Action action, String indicator) {
        assertThat(Urgency.of(action).wire()).isEqualTo(indicator);
    }
}
