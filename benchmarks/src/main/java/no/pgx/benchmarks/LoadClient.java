package no.pgx.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded HTTP load client for the CDS Hooks service on loopback.
 *
 * <pre>
 * java -cp benchmarks.jar no.pgx.benchmarks.LoadClient URL BODY.json saturation CONNECTIONS SECONDS
 * java -cp benchmarks.jar no.pgx.benchmarks.LoadClient URL BODY.json rate REQUESTS_PER_SECOND SECONDS
 * </pre>
 *
 * <p>{@code saturation} runs a closed loop on N connections and reports throughput. {@code rate} sends at a fixed
 * schedule (open loop) and measures each latency from the time the request was <em>due</em>, so a stalled server is
 * not hidden by the client waiting (coordinated omission). Only loopback addresses are accepted; runs stop by themselves.
 */
public final class LoadClient {
    private static final long MAX_SECONDS = 120;

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: LoadClient URL BODY.json saturation|rate CONNECTIONS|RPS SECONDS");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        String host = uri.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("load is only sent to loopback addresses, not " + host);
        }
        String body = Files.readString(Path.of(args[1]));
        String mode = args[2];
        int level = Integer.parseInt(args[3]);
        long seconds = Math.min(Long.parseLong(args[4]), MAX_SECONDS);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        warmUp(client, request);
        Result result = mode.equals("rate") ? fixedRate(client, request, level, seconds)
                : saturation(client, request, level, seconds);
        System.out.println(result.report(mode, level));
    }

    private static void warmUp(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        for (int i = 0; i < 2_000; i++) {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("warm-up request answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    private static Result saturation(HttpClient client, HttpRequest request, int connections, long seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<long[]> perThread = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[connections];
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            threads[t] = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - s;
                }
                perThread.add(Arrays.copyOf(lat, n));
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        return Result.of(perThread.stream().flatMapToLong(Arrays::stream).toArray(), errors.get(), elapsed);
    }

    private static Result fixedRate(HttpClient client, HttpRequest request, int rps, long seconds)
            throws InterruptedException {
        int total = (int) (rps * seconds);
        long[] latencies = new long[total];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = 1_000_000_000L / rps;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            int index = i;
            long due = start + i * intervalNanos;
            scheduler.schedule(() -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        latencies[index] = System.nanoTime() - due;
                        if (e != null || r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        done.countDown();
                    }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        boolean finished = done.await(seconds + 30, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        scheduler.shutdownNow();
        if (!finished) {
            errors.addAndGet(done.getCount());
        }
        return Result.of(latencies, errors.get(), elapsed);
    }

    private record Result(long requests, long errors, double seconds, double p50, double p90, double p99, double max) {
        static Result of(long[] nanos, long errors, long elapsedNanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Result(sorted.length, errors, elapsedNanos / 1e9, pct(sorted, 0.50), pct(sorted, 0.90),
                    pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }

        String report(String mode, int level) {
            return String.format(java.util.Locale.ROOT,
                    "mode=%s level=%d requests=%d errors=%d seconds=%.1f throughput=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms",
                    mode, level, requests, errors, seconds, requests / seconds, p50, p90, p99, max);
        }
    }
}
