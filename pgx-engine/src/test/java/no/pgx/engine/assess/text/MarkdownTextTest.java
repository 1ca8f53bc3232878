package no.pgx.engine.assess.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Provenance;

/** Values from the input (the laboratory of a result) render as themselves in a finding's Markdown detail. */
class MarkdownTextTest {

    @Test
    void markupInTheLabNameIsEscapedInTheDetail() {
        String lab = "<img src=x onerror=alert(1)> [results](https://evil.test/x) **urgent**";
        GeneInput cyp2c19 = GeneInput.diplotype("CYP2C19", "*2/*2")
                .withProvenance(new Provenance("obs-1", LocalDate.of(2024, 3, 1), lab, List.of()));

        Assessment a = PgxEngine.builder().build().assess(AssessmentRequest.builder().result(cyp2c19).drug("clopidogrel")
                .build());

        assertThat(a.findings()).isNotEmpty();
        for (Finding f : a.findings()) {
            for (String detail : List.of(f.detail().en(), f.detail().nb())) {
                assertThat(detail).contains("\\<img").doesNotContainPattern("(?<!\\\\)<img")
                        .doesNotContainPattern("(?<!\\\\)\\]\\(https://evil").doesNotContain("**urgent**");
            }
        }
    }

    @Test
    void escapedTextCannotStartABlockOrATag() {
        assertThat(MarkdownText.text("a\n# b <i>")).isEqualTo("a \\# b \\<i\\>");
    }
}
