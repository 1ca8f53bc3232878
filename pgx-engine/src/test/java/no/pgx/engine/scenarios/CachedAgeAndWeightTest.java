package no.pgx.engine.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.PgxEngine;

/**
 * With caches on, a drug's rule outcome is cached by the age and body-weight interval its rules can tell apart, not
 * by the exact age or weight, so that a new patient's age does not make a new cache entry. A patient must still get
 * exactly the answer an engine without caches gives, whichever ages and weights the engine saw before: every row of
 * the scenario book (every drug, the age- and weight-bounded alternatives, populations and dose statements among
 * them) is answered at every age from 0 to 100 and at weights on both sides of every limit, in ascending order, so that
 * an interval that wrongly joined two ages would hand the younger patient's answer to the older one.
 */
class CachedAgeAndWeightTest {
    private static final List<Integer> AGES = IntStream.rangeClosed(0, 100).boxed().toList();
    private static final List<Double> WEIGHTS = List.of(2.5, 9.9, 10.0, 30.0, 44.9, 45.0, 49.9, 50.0, 59.9, 60.0,
            60.1, 70.0, 99.9, 100.0, 150.0);

    @Test
    void everyAgeGetsTheAnswerOfAnEngineWithoutCaches() throws IOException {
        Comparison c = compare(AGES, (b, age) -> b.ageYears(age), "at age %s");
        assertThat(c.differing()).as("answers of the cached engine that differ from the uncached one").isEmpty();
        // guards the comparison: the book has rows whose answer changes with the age (children's populations,
        // prasugrel from 75 years), so ascending ages do cross the intervals
        assertThat(c.rowsThatDepend()).as("rows whose answer depends on the age").isGreaterThanOrEqualTo(5);
        assertThat(c.compared()).isGreaterThan(10_000);
    }

    @Test
    void everyWeightGetsTheAnswerOfAnEngineWithoutCaches() throws IOException {
        Comparison c = compare(WEIGHTS, (b, weight) -> b.weightKg(weight), "at %s kg");
        assertThat(c.differing()).as("answers of the cached engine that differ from the uncached one").isEmpty();
        // prasugrel under 60 kg (clopidogrel rows of the book)
        assertThat(c.rowsThatDepend()).as("rows whose answer depends on the weight").isGreaterThanOrEqualTo(1);
    }

    /** What a cached and an uncached engine answered for every row at every value, in ascending order. */
    private record Comparison(List<String> differing, int rowsThatDepend, int compared) {
    }

    private static <T> Comparison compare(List<T> values,
                                          java.util.function.BiConsumer<AssessmentRequest.Builder, T> set,
                                          String label) throws IOException {
        PgxEngine cached = PgxEngine.builder().build();
        PgxEngine uncached = PgxEngine.builder().cacheSize(0).build();
        List<String> differing = new ArrayList<>();
        int depend = 0;
        int compared = 0;
        for (ScenarioBookTest.Row row : ScenarioBookTest.rows()) {
            Assessment first = null;
            boolean matters = false;
            for (T value : values) {
                AssessmentRequest r = ScenarioBookTest.request(row, b -> set.accept(b, value));
                Assessment expected = uncached.assess(r);
                compared++;
                if (!cached.assess(r).equals(expected)) {
                    differing.add(row.id() + " " + label.formatted(value));
                }
                matters |= first != null && !expected.equals(first);
                first = first == null ? expected : first;
            }
            if (matters) {
                depend++;
            }
        }
        return new Comparison(differing, depend, compared);
    }
}
