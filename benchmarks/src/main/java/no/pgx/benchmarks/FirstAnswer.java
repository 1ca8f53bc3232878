package no.pgx.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;

/**
 * Engine start to first answer in this JVM: builds the engine, assesses clopidogrel for a CYP2C19 *2/*2 patient, and
 * prints {@code jvm_uptime_ms=… engine_ms=… process_cpu_ms=…}: the JVM's uptime when the answer is there (JVM start,
 * class loading, knowledge, rule base, first call), the time from {@code PgxEngine.builder()} to the answer, and the CPU
 * time all the JVM's threads used until then (steadier than wall time on a shared machine).
 * {@code benchmarks/startup/run-startup.sh} runs it cold many times, on Java 17 and 25, with and without archives.
 *
 * <p>With an argument N it then assesses N new patients, every drug (a training run for an ahead-of-time cache).
 */
public final class FirstAnswer {
    private FirstAnswer() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        PgxEngine engine = PgxEngine.builder().build();
        Assessment a = engine.assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("clopidogrel")
                .build());
        long engineNanos = System.nanoTime() - t0;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        if (a.findings().isEmpty()) {
            throw new IllegalStateException("no clopidogrel finding for CYP2C19 *2/*2: the answer is wrong");
        }
        System.out.printf(Locale.ROOT, "jvm_uptime_ms=%d engine_ms=%d process_cpu_ms=%d%n", uptime,
                engineNanos / 1_000_000, cpu);
        int training = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        NewPatients patients = new NewPatients(NewPatients.SEED, 1);
        for (int i = 0; i < training; i++) {
            engine.assess(NewPatients.everyDrug(patients.next()));
        }
    }
}
