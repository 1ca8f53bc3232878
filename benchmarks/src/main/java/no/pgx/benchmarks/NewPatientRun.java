package no.pgx.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.fhir.FhirResults;

/**
 * The new-patient cases of {@link NewPatientBenchmark} as a plain loop that also measures the calling thread's CPU
 * time and allocation per call: on a shared machine the CPU time per call is steadier than wall time (other processes
 * take the core away, not the work), and this loop is what the profiles in {@code benchmarks/README.md} record.
 *
 * <pre>
 * java -cp benchmarks.jar no.pgx.benchmarks.NewPatientRun CASE CACHE WARMUP MEASURED [ROUNDS]
 *   CASE     everyDrug | oneDrug | panel15 | fhirBundle
 *   CACHE    on | off (cacheSize(0))
 *   WARMUP   new patients before measuring (JIT); MEASURED  new patients measured per round
 * </pre>
 *
 * Prints, per round, wall and CPU time per call (mean over the round, and the median of chunks of 1/20 of it) and
 * bytes allocated per call; every patient is new (one stream, numbers never reused). With {@code -Djfr=FILE} the
 * measured rounds (not the warm-up) are recorded with Java Flight Recorder: execution samples every 2 ms and
 * allocation samples with stacks ({@link JfrBreakdown} reads the file).
 */
public final class NewPatientRun {
    private NewPatientRun() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: NewPatientRun everyDrug|oneDrug|panel15|fhirBundle on|off WARMUP MEASURED [ROUNDS]");
            System.exit(2);
        }
        String kase = args[0];
        boolean cache = args[1].equals("on");
        int warmup = Integer.parseInt(args[2]);
        int measured = Integer.parseInt(args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        PgxEngine.Builder b = PgxEngine.builder();
        if (!cache) {
            b.cacheSize(0);
        }
        PgxEngine engine = b.build();
        Function<NewPatients.Patient, Object> prepare;
        Function<Object, Object> call;
        switch (kase) {
            case "everyDrug" -> {
                prepare = NewPatients::everyDrug;
                call = r -> engine.assess((AssessmentRequest) r);
            }
            case "oneDrug" -> {
                prepare = NewPatients::oneOrderedDrug;
                call = r -> engine.assess((AssessmentRequest) r);
            }
            case "panel15" -> {
                prepare = NewPatients::panel;
                call = r -> {
                    Object last = null;
                    for (GeneInput input : castPanel(r)) {
                        last = engine.call(input);
                    }
                    return last;
                };
            }
            case "fhirBundle" -> {
                prepare = NewPatients::fhirBundle;
                call = r -> FhirResults.fromJson((String) r);
            }
            default -> throw new IllegalArgumentException("unknown case " + kase);
        }
        NewPatients source = new NewPatients(NewPatients.SEED, 1);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        System.out.printf(Locale.ROOT, "case=%s cache=%s warmup=%d measured=%d rounds=%d (load average %s)%n", kase,
                cache ? "on" : "off", warmup, measured, rounds, loadAverage());
        run(source, prepare, call, warmup, null, null, 0);
        jdk.jfr.Recording recording = null;
        if (System.getProperty("jfr") != null) {
            recording = new jdk.jfr.Recording();
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
            recording.enable("jdk.ObjectAllocationSample").withStackTrace().with("throttle", "2000/s");
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.GCPhasePause");
            recording.start();
        }
        for (int round = 1; round <= rounds; round++) {
            run(source, prepare, call, measured, threads, round + "", self);
        }
        if (recording != null) {
            recording.stop();
            try {
                recording.dump(java.nio.file.Path.of(System.getProperty("jfr")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            recording.close();
        }
        System.out.printf(Locale.ROOT, "the engine saw %,d distinct patients (%,d panels redrawn); none twice%n",
                source.nextNumber() - 1, source.redrawn());
    }

    @SuppressWarnings("unchecked")
    private static List<GeneInput> castPanel(Object o) {
        return (List<GeneInput>) o;
    }

    private static void run(NewPatients source, Function<NewPatients.Patient, Object> prepare,
                            Function<Object, Object> call, int n, com.sun.management.ThreadMXBean threads,
                            String label, long self) {
        Object[] inputs = new Object[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = prepare.apply(source.next());
        }
        int chunks = Math.min(20, n);
        int per = n / chunks;
        long[] chunkWall = new long[chunks];
        long[] chunkCpu = new long[chunks];
        long sink = 0;
        long wall0 = System.nanoTime();
        long cpu0 = threads == null ? 0 : threads.getCurrentThreadCpuTime();
        long alloc0 = threads == null ? 0 : threads.getThreadAllocatedBytes(self);
        for (int c = 0; c < chunks; c++) {
            long w = System.nanoTime();
            long cp = threads == null ? 0 : threads.getCurrentThreadCpuTime();
            for (int i = c * per; i < (c + 1) * per; i++) {
                sink += System.identityHashCode(call.apply(inputs[i]));
                inputs[i] = null;
            }
            chunkWall[c] = System.nanoTime() - w;
            chunkCpu[c] = threads == null ? 0 : threads.getCurrentThreadCpuTime() - cp;
        }
        if (threads == null) {
            return;
        }
        int done = chunks * per;
        double wall = (System.nanoTime() - wall0) / 1e3 / done;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / done;
        double alloc = (threads.getThreadAllocatedBytes(self) - alloc0) / (double) done;
        System.out.printf(Locale.ROOT, "round %s: %d patients  wall %.2f µs/call (median chunk %.2f)  cpu %.2f µs/call"
                        + " (median chunk %.2f)  allocated %.1f KB/call  load %s  [%d]%n", label, done, wall,
                median(chunkWall) / 1e3 / per, cpu, median(chunkCpu) / 1e3 / per, alloc / 1024, loadAverage(),
                sink & 1);
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    static String loadAverage() {
        try {
            List<String> f = new ArrayList<>(Arrays.asList(
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")));
            return String.join(" ", f.subList(0, 3));
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }
}
