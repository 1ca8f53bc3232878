package no.pgx.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.engine.GeneInput;

/**
 * A bounded HTTP load client for the CDS Hooks service on loopback.
 *
 * <pre>
 * java -cp benchmarks.jar no.pgx.benchmarks.LoadClient URL BODY.json saturation CONNECTIONS SECONDS [PATIENTS]
 * java -cp benchmarks.jar no.pgx.benchmarks.LoadClient URL BODY.json rate REQUESTS_PER_SECOND SECONDS [PATIENTS]
 * </pre>
 *
 * <p>{@code PATIENTS} is {@code new:FIRST} (every request a patient the service has not seen: the next patient of a
 * {@link NewPatients} stream numbered from FIRST, with its own id, test date, lab, 15-gene panel of genotype
 * Observations, 0–5 active medications and 1–2 draft orders; the body is written for each request, outside the timed
 * part), a number N above 1 (the body copied for N patients of {@link Cohort}, cycled: cached after the first pass), or
 * 1 (BODY.json itself, over and over: everything cached). Runs that share a service must use disjoint FIRST ranges.
 *
 * <p>{@code saturation} runs a closed loop on N connections and reports throughput. {@code rate} sends at a fixed
 * schedule (open loop) from a pool of {@value #RATE_CONNECTIONS} connections and measures each latency from the time
 * the request was <em>due</em>, so a stalled server is not hidden by the client waiting (coordinated omission).
 *
 * <p>With {@code -Dpgx.load.pid=PID} (the service's process) the report adds the service's CPU time per request over
 * the measured part, and always the client's own: on a shared machine these are steadier than throughput and latency.
 *
 * <p>The client shares the machine with the service, so it is kept cheap: plain sockets with HTTP/1.1 keep-alive and a
 * request serialised once, one blocking thread per connection (the JDK HttpClient's asynchronous machinery cost more
 * CPU per request than the service on 2 cores, and its open-loop runs measured the client). Only loopback addresses
 * are accepted; runs stop by themselves.
 */
public final class LoadClient {
    private static final long MAX_SECONDS = 120;
    /** Connections of an open-loop run: far more than the requests in flight at the rates measured. */
    static final int RATE_CONNECTIONS = 64;

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: LoadClient URL BODY.json saturation|rate CONNECTIONS|RPS SECONDS [PATIENTS]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        String host = uri.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("load is only sent to loopback addresses, not " + host);
        }
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String mode = args[2];
        int level = Integer.parseInt(args[3]);
        long seconds = Math.min(Long.parseLong(args[4]), MAX_SECONDS);
        String patients = args.length == 6 ? args[5] : "1";
        Target target;
        if (patients.startsWith("new:")) {
            target = new Target(uri, new NewPatients(NewPatients.SEED, Long.parseLong(patients.substring(4))));
        } else {
            int n = Integer.parseInt(patients);
            target = new Target(uri, n <= 1 ? List.of(body) : patients(body, n));
        }
        warmUp(target);
        String servicePid = System.getProperty("pgx.load.pid");
        long serviceCpu = servicePid == null ? -1 : cpuNanos(servicePid);
        long clientCpu = ownCpuNanos();
        Result result = mode.equals("rate") ? fixedRate(target, level, seconds) : saturation(target, level, seconds);
        clientCpu = ownCpuNanos() - clientCpu;
        String cpu = String.format(Locale.ROOT, " client_cpu=%.3fms/req", clientCpu / 1e6 / Math.max(1, result.requests()));
        if (serviceCpu >= 0) {
            serviceCpu = cpuNanos(servicePid) - serviceCpu;
            cpu = String.format(Locale.ROOT, " service_cpu=%.3fms/req", serviceCpu / 1e6 / Math.max(1, result.requests()))
                    + cpu;
        }
        System.out.println(result.report(mode, level) + cpu + " patients=" + target.describe());
    }

    /**
     * CPU time (user + system, all threads) of a process on this machine so far, from {@code /proc/PID/stat}: on a
     * shared machine the CPU a request costs is steadier than its wall time. Clock ticks of 10 ms (USER_HZ 100).
     */
    private static long cpuNanos(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;  // fields 14 and 15: utime, stime
    }

    private static long ownCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /**
     * Copies of an order-sign body for {@code n} patients: each gets its own patient id, its own test date and a
     * diplotype per gene drawn as in {@link Cohort} (genes not in the cohort keep theirs).
     */
    static List<byte[]> patients(byte[] template, int n) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(template);
        String oldId = root.path("context").path("patientId").asText();
        List<List<GeneInput>> panels = Cohort.panels(n, 20261123L);
        List<byte[]> out = new ArrayList<>(n);
        LocalDate firstTest = LocalDate.of(2015, 1, 1);
        for (int k = 0; k < n; k++) {
            ObjectNode copy = root.deepCopy();
            Map<String, String> diplotypes = new HashMap<>();
            panels.get(k).forEach(g -> diplotypes.put(g.gene(), g.diplotype()));
            for (JsonNode entry : copy.path("prefetch").path("pgxResults").path("entry")) {
                JsonNode resource = entry.path("resource");
                String gene = null;
                for (JsonNode component : resource.path("component")) {
                    if (component.path("code").path("coding").path(0).path("code").asText().equals("48018-6")) {
                        gene = component.path("valueCodeableConcept").path("coding").path(0).path("display").asText();
                    }
                }
                if (resource instanceof ObjectNode r && diplotypes.containsKey(gene)) {
                    ((ObjectNode) r.path("valueCodeableConcept")).put("text", diplotypes.get(gene));
                    r.put("effectiveDateTime", firstTest.plusDays(k % 3_000).toString());
                }
            }
            String text = json.writeValueAsString(copy)
                    .replace("\"Patient/" + oldId + "\"", "\"Patient/patient-" + (k + 1) + "\"")
                    .replace("\"" + oldId + "\"", "\"patient-" + (k + 1) + "\"");
            out.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void warmUp(Target target) throws IOException {
        Connection c = null;
        try {
            for (int i = 0; i < 2_000; i++) {
                if (c == null) {
                    c = target.connect();
                }
                int status = c.exchange(target.nextRequest());
                if (status != 200) {
                    throw new IllegalStateException("warm-up request answered HTTP " + status);
                }
                if (!c.reusable()) {
                    c = reconnect(c);
                }
            }
        } finally {
            close(c);
        }
    }

    private static Result saturation(Target target, int connections, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<long[]> perThread = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[connections];
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            threads[t] = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                Connection c = null;
                while (System.nanoTime() < end) {
                    byte[] request = target.nextRequest();
                    long s = System.nanoTime();
                    c = send(target, c, request, errors);
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - s;
                }
                close(c);
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

    /**
     * Open loop: request i is due at {@code start + i / rps}. Each connection's thread takes the next request number,
     * waits until it is due (not longer), sends it and records the time from due to answer.
     */
    private static Result fixedRate(Target target, int rps, long seconds) throws InterruptedException {
        int total = (int) (rps * seconds);
        long[] latencies = new long[total];
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long intervalNanos = 1_000_000_000L / rps;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        Thread[] threads = new Thread[RATE_CONNECTIONS];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                Connection c = null;
                long i;
                while ((i = next.getAndIncrement()) < total) {
                    long due = start + i * intervalNanos;
                    byte[] request = target.nextRequest();  // written before it is due: client work is not timed
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    c = send(target, c, request, errors);
                    latencies[(int) i] = System.nanoTime() - due;
                }
                close(c);
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        return Result.of(latencies, errors.get(), elapsed);
    }

    /** Sends one request; a failure counts as an error and the next request gets a new connection. */
    private static Connection send(Target target, Connection c, byte[] request, AtomicLong errors) {
        try {
            if (c == null) {
                c = target.connect();
            }
            if (c.exchange(request) != 200) {
                errors.incrementAndGet();
            }
            return c.reusable() ? c : reconnect(c);
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
            close(c);
            return null;
        }
    }

    private static Connection reconnect(Connection c) {
        close(c);
        return null;
    }

    private static void close(Connection c) {
        if (c != null) {
            c.close();
        }
    }

    /**
     * Where to send, and the requests: fixed ones (each serialised once) handed out in turn, or a new patient's request
     * written for each call.
     */
    private static final class Target {
        final String host;
        final int port;
        final String path;
        final byte[][] requests;
        final NewPatients stream;
        final long first;
        final AtomicLong next = new AtomicLong();

        Target(URI uri, List<byte[]> bodies) {
            this(uri, bodies, null);
        }

        Target(URI uri, NewPatients stream) {
            this(uri, List.of(), stream);
        }

        private Target(URI uri, List<byte[]> bodies, NewPatients stream) {
            this.host = uri.getHost();
            this.port = uri.getPort() > 0 ? uri.getPort() : 80;
            this.path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            this.stream = stream;
            this.first = stream == null ? 0 : stream.nextNumber();
            this.requests = new byte[bodies.size()][];
            for (int i = 0; i < bodies.size(); i++) {
                requests[i] = request(bodies.get(i));
            }
        }

        private byte[] request(byte[] body) {
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] out = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, out, head.length, body.length);
            return out;
        }

        byte[] nextRequest() {
            if (stream == null) {
                return requests[(int) (next.getAndIncrement() % requests.length)];
            }
            NewPatients.Patient p;
            synchronized (stream) {
                p = stream.next();
            }
            String hookInstance = String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", p.number());
            return request(NewPatients.orderSign(p, hookInstance).getBytes(StandardCharsets.UTF_8));
        }

        String describe() {
            if (stream == null) {
                return Integer.toString(requests.length);
            }
            synchronized (stream) {
                return String.format(Locale.ROOT, "new(%d..%d, %d panels redrawn)", first, stream.nextNumber() - 1,
                        stream.redrawn());
            }
        }

        Connection connect() throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), 2_000);
            s.setSoTimeout(10_000);
            return new Connection(s);
        }
    }

    /** One keep-alive HTTP/1.1 connection: writes the request, reads status, headers and body (discarded). */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean reusable = true;
        private final StringBuilder line = new StringBuilder(128);

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }

        /** @return the HTTP status of the answer, whose body has been read */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = readLine();
            if (!status.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String header;
            while (!(header = readLine()).isEmpty()) {
                String h = header.toLowerCase(Locale.ROOT);
                if (h.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                    chunked = true;
                } else if (h.startsWith("connection:") && h.contains("close")) {
                    reusable = false;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(readLine().split(";", 2)[0].trim(), 16)) > 0) {
                    skip(size);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                reusable = false;  // body delimited by close: not expected from the service
            }
            return code;
        }

        boolean reusable() {
            return reusable;
        }

        private String readLine() throws IOException {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in the body");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
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
            return String.format(Locale.ROOT,
                    "mode=%s level=%d requests=%d errors=%d seconds=%.1f throughput=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms",
                    mode, level, requests, errors, seconds, requests / seconds, p50, p90, p99, max);
        }
    }
}
