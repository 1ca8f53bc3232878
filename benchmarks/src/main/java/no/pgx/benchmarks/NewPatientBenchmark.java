package no.pgx.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.fhir.FhirResults;

/**
 * The engine for patients it has not seen: every call gets the next patient of a {@link NewPatients} stream, so no
 * whole request is ever repeated within a fork (each fork is a new JVM with a new engine). Single gene results repeat
 * as in a real population ({@link Population}), so the engine's per-gene caches are exercised as they would be in a
 * national re-screening or a GP's order-sign; {@code cache=off} builds the engine with {@code cacheSize(0)}.
 *
 * <p>Patients are generated outside the measurement, in batches at the start of each iteration, continuing the stream:
 * three times what the previous iteration used (small batches: a large live batch would be copied by every young
 * collection and show in the figures). Should an iteration run out (the first warm-up iterations speed up several
 * times as the JIT compiles), the next patients are generated inside the call, still new; how many calls that
 * happened to is printed at the end of each fork, with the number of distinct patients the engine saw.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class NewPatientBenchmark {

    /** One engine per fork and a stream of new patients, prepared as {@code T} in batches. */
    @State(Scope.Benchmark)
    public abstract static class Stream<T> {
        @Param({"on", "off"})
        public String cache;

        PgxEngine engine;
        private NewPatients source;
        private Object[] batch = new Object[0];
        private int next;
        private long used;
        private long inline;

        abstract T prepare(NewPatients.Patient p);

        abstract int batchSize();

        @Setup(Level.Trial)
        public void start() {
            // Checks with a throw-away engine (no cache) that every diplotype the population can draw is read, so
            // that the measured engine starts with empty caches.
            PgxEngine check = PgxEngine.builder().cacheSize(0).build();
            Population population = Population.get();
            for (int g = 0; g < population.size(); g++) {
                for (String d : population.allDiplotypes(g)) {
                    check.call(GeneInput.diplotype(Population.GENES.get(g), d));
                }
            }
            PgxEngine.Builder b = PgxEngine.builder();
            if (cache.equals("off")) {
                b.cacheSize(0);
            } else if (!cache.equals("on")) {
                throw new IllegalArgumentException("cache must be on or off, not " + cache);
            }
            engine = b.build();
            source = new NewPatients(NewPatients.SEED, 1);
        }

        @Setup(Level.Iteration)
        public void refill() {
            used += next;
            batch = new Object[Math.max(batchSize(), 3 * next)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = prepare(source.next());
            }
            next = 0;
        }

        @SuppressWarnings("unchecked")
        final T next() {
            if (next == batch.length) {
                inline++;
                return prepare(source.next());
            }
            return (T) batch[next++];
        }

        @TearDown(Level.Trial)
        public void report() {
            used += next;
            System.out.printf("%n[new patients] %s cache=%s: the engine saw %,d distinct patients, none twice"
                            + " (numbers 1..%,d; %,d panels redrawn to keep whole panels distinct; %,d generated inside"
                            + " the call because a batch ran out)%n",
                    getClass().getSimpleName(), cache, used + inline, source.nextNumber() - 1, source.redrawn(),
                    inline);
        }
    }

    @State(Scope.Benchmark)
    public static class EveryDrug extends Stream<AssessmentRequest> {
        @Override
        AssessmentRequest prepare(NewPatients.Patient p) {
            return NewPatients.everyDrug(p);
        }

        @Override
        int batchSize() {
            return 1_000;  // the first warm-up iteration; then 3 × the last iteration's use
        }
    }

    @State(Scope.Benchmark)
    public static class OneDrug extends Stream<AssessmentRequest> {
        @Override
        AssessmentRequest prepare(NewPatients.Patient p) {
            return NewPatients.oneOrderedDrug(p);
        }

        @Override
        int batchSize() {
            return 5_000;
        }
    }

    @State(Scope.Benchmark)
    public static class Panel extends Stream<List<GeneInput>> {
        @Override
        List<GeneInput> prepare(NewPatients.Patient p) {
            return NewPatients.panel(p);
        }

        @Override
        int batchSize() {
            return 20_000;
        }
    }

    /** FHIR text has no engine cache: one state, no cache parameter. */
    @State(Scope.Benchmark)
    public static class Bundles {
        private NewPatients source;
        private String[] batch = new String[0];
        private int next;
        private long used;
        private long inline;

        @Setup(Level.Trial)
        public void start() {
            source = new NewPatients(NewPatients.SEED, 1);
            FhirResults first = FhirResults.fromJson(NewPatients.fhirBundle(new NewPatients(NewPatients.SEED, 0).next()));
            if (first.results().size() != 15 || !first.problems().isEmpty()) {
                throw new IllegalStateException("a generated bundle must give 15 results and no problems: "
                        + first.problems());
            }
        }

        @Setup(Level.Iteration)
        public void refill() {
            used += next;
            batch = new String[Math.max(1_000, 3 * next)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = NewPatients.fhirBundle(source.next());
            }
            next = 0;
        }

        String next() {
            if (next == batch.length) {
                inline++;
                return NewPatients.fhirBundle(source.next());
            }
            return batch[next++];
        }

        @TearDown(Level.Trial)
        public void report() {
            used += next;
            System.out.printf("%n[new patients] bundles: %,d distinct patients' bundles read, none twice (%,d generated"
                    + " inside the call because a batch ran out)%n", used + inline, inline);
        }
    }

    /** Every drug of the knowledge base for one new patient (15-gene panel called too). */
    @Benchmark
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Assessment everyDrug(EveryDrug s) {
        return s.engine.assess(s.next());
    }

    /** One ordered drug for one new patient, with their 0–5 current medications (15-gene panel called too). */
    @Benchmark
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Assessment oneDrug(OneDrug s) {
        return s.engine.assess(s.next());
    }

    /** Phenotype calling of a new patient's 15-gene panel. */
    @Benchmark
    @Warmup(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
    public void panel15(Panel s, Blackhole bh) {
        for (GeneInput input : s.next()) {
            bh.consume(s.engine.call(input));
        }
    }

    /** A new patient's FHIR Bundle (15 genotype Observations, JSON text) → gene results. */
    @Benchmark
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public FhirResults fhirBundle(Bundles s) {
        return FhirResults.fromJson(s.next());
    }
}
