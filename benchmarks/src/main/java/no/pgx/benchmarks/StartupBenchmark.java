package no.pgx.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;

/**
 * Engine start-up to first answer in a fresh JVM: knowledge loaded, rule base created, one assessment. Each fork is a new
 * JVM and measures exactly one cold start.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class StartupBenchmark {
    @Benchmark
    public Assessment startToFirstAnswer() {
        PgxEngine engine = PgxEngine.builder().build();
        return engine.assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("clopidogrel")
                .build());
    }
}
