package no.pgx.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;

/** Phenotype calling: one CYP2D6 copy-number diplotype, and a whole 15-gene panel. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PhenotypeBenchmark {
    private PgxEngine engine;
    private List<GeneInput> panel;

    @Setup
    public void setUp() {
        engine = PgxEngine.builder().build();
        panel = Patients.panel15();
    }

    @Benchmark
    public Object cyp2d6CopyNumber() {
        return engine.call(Patients.CYP2D6_CNV);
    }

    @Benchmark
    public void panel15(Blackhole bh) {
        for (GeneInput input : panel) {
            bh.consume(engine.call(input));
        }
    }
}
