package no.pgx.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

import no.pgx.engine.fhir.FhirResults;

/** FHIR Bundle (JSON text) → gene results for a 15-gene Genomics Reporting panel. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FhirBenchmark {
    private String bundle;
    private byte[] bundleBytes;

    @Setup
    public void setUp() {
        try (InputStream in = FhirBenchmark.class.getResourceAsStream("/panel-15-genes.json")) {
            bundleBytes = in.readAllBytes();
            bundle = new String(bundleBytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FhirResults warm = FhirResults.fromJson(bundle);
        if (warm.results().size() != 15 || !warm.problems().isEmpty()) {
            throw new IllegalStateException("the panel fixture must give 15 results and no problems: " + warm.problems());
        }
    }

    @Benchmark
    public FhirResults bundleToGeneResults() {
        return FhirResults.fromJson(bundle);
    }

    /**
     * The same panel as UTF-8 bytes, as the service has it (a request body): decoded to a string first and read, as
     * the service did before {@code fromJson(byte[], String)}, ...
     */
    @Benchmark
    public FhirResults bytesDecodedThenRead() {
        return FhirResults.fromJson(new String(bundleBytes, StandardCharsets.UTF_8), null);
    }

    /** ... and read from the bytes directly, as it does now. */
    @Benchmark
    public FhirResults bytesRead() {
        return FhirResults.fromJson(bundleBytes, null);
    }
}
