package no.pgx.benchmarks;

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

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.PgxEngine;

/**
 * {@code assess} for one ordered drug, and for every drug of the knowledge base for one patient (the "review the whole
 * medication list" case), once for the same patient and once for a cohort of 1,000 different ones. All include
 * phenotype calling of the 15-gene panel, as a real call does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssessBenchmark {
    private PgxEngine engine;
    private AssessmentRequest oneDrug;
    private AssessmentRequest wholeKnowledgeBase;
    private AssessmentRequest[] cohort;
    private int next;

    @Setup
    public void setUp() {
        engine = PgxEngine.builder().build();
        oneDrug = AssessmentRequest.builder().results(Patients.panel15()).drug("clopidogrel").build();
        wholeKnowledgeBase = AssessmentRequest.builder().results(Patients.panel15()).allDrugs().build();
        cohort = Cohort.panels(1_000, 20261123L).stream()
                .map(panel -> AssessmentRequest.builder().results(panel).allDrugs().build())
                .toArray(AssessmentRequest[]::new);
        if (engine.assess(oneDrug).findings().isEmpty()) {
            throw new IllegalStateException("benchmark patient gives no clopidogrel finding; the benchmark would measure nothing");
        }
    }

    @Benchmark
    public Assessment oneDrug() {
        return engine.assess(oneDrug);
    }

    @Benchmark
    public Assessment wholeKnowledgeBase() {
        return engine.assess(wholeKnowledgeBase);
    }

    /** Every drug, for 1,000 different patients in turn ({@link Cohort}): the batch case, with realistic variety. */
    @Benchmark
    public Assessment wholeKnowledgeBaseCohort() {
        AssessmentRequest r = cohort[next];
        next = next + 1 == cohort.length ? 0 : next + 1;
        return engine.assess(r);
    }
}
