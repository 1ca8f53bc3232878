package no.pgx.engine.phenoconversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy's score bands reproduce CPIC's activity score → phenotype mapping for every CPIC score value. */
class ScoreBandsTest {
    private static final ScoreBands BANDS = ScoreBands.load(ScoreBandsTest.class.getClassLoader());

    record Pair(String gene, String score, String phenotype) {
    }

    static Stream<Pair> cpicPairs() throws IOException {
        String resource = "no/pgx/engine/phenoconversion/cpic-activity-score-phenotype.csv";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ScoreBandsTest.class.getClassLoader().getResourceAsStream(resource)),
                StandardCharsets.UTF_8))) {
            List<Pair> pairs = r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("gene,"))
                    .map(l -> l.split(",")).map(f -> new Pair(f[0], f[1], f[2])).toList();
            assertThat(pairs).hasSizeGreaterThan(20);
            return pairs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpicPairs")
    void bandGivesTheCpicPhenotype(Pair pair) {
        ActivityScore score = ActivityScore.parse(pair.score()).orElseThrow();

        assertThat(BANDS.band(pair.gene(), score.value())).get().extracting(ScoreBands.Band::phenotype)
                .isEqualTo(pair.phenotype());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpicPairs")
    void cpicScoresAreTheirOwnLookupScore(Pair pair) {
        BigDecimal value = ActivityScore.parse(pair.score()).orElseThrow().value();

        assertThat(BANDS.lookupScore(pair.gene(), value)).get().satisfies(v -> assertThat(v).isEqualByComparingTo(value));
    }

    @Test
    void genesWithoutBandsHaveNoBand() {
        assertThat(BANDS.band("CYP2C19", BigDecimal.ONE)).isEmpty();
        assertThat(BANDS.lookupScore("CYP2C19", BigDecimal.ONE)).isEmpty();
    }

    @Test
    void activityScoreParsingAndFormatting() {
        assertThat(ActivityScore.parse("≥3.0")).get().satisfies(s -> {
            assertThat(s.lowerBound()).isTrue();
            assertThat(s.format()).isEqualTo("≥3.0");
        });
        assertThat(ActivityScore.parse(">=3")).get().extracting(ActivityScore::format).isEqualTo("≥3.0");
        assertThat(ActivityScore.parse("n/a")).isEmpty();
        assertThat(ActivityScore.parse(null)).isEmpty();
        assertThat(ActivityScore.parse("Normal Metabolizer")).isEmpty();
        assertThat(ActivityScore.parse("1.25").orElseThrow().scale(new BigDecimal("0.5")).format()).isEqualTo("0.625");
        assertThat(ActivityScore.parse("≥3.0").orElseThrow().scale(BigDecimal.ZERO).format()).isEqualTo("0.0");
    }
}
