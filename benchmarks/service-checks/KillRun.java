import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kill -9 durability: clients issue cards and post feedback on each; the service is killed with SIGKILL at a random
 * moment of a burst; after all rounds, everything a client heard 200 for is looked up in the database.
 *
 * Usage: java -cp "cds-service/target/app/lib/*" KillRun.java JAR BODY h2 DIR ROUNDS
 *        java -cp "cds-service/target/app/lib/*" KillRun.java JAR BODY pg JDBC_URL ROUNDS
 * With pg two instances share the database: cards from one, feedback through the other; each round kills one of them
 * (alternately) and starts it again.
 */
public class KillRun {
    static final Pattern UUID = Pattern.compile("\"uuid\":\"([0-9a-f-]{36})\",\"summary\"");
    static final Pattern REASON = Pattern.compile("\"overrideReasons\":\\[\\{\"system\":\"([^\"]+)\",\"code\":\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final Set<String> ackedCards = ConcurrentHashMap.newKeySet();
    static final Set<String> ackedFeedback = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String body = Files.readString(Path.of(args[1]));
        boolean pg = args[2].equals("pg");
        String where = args[3];
        int rounds = Integer.parseInt(args[4]);
        List<String> store = pg ? List.of("--pgx.feedback.jdbc-url=" + where, "--pgx.feedback.username=postgres",
                "--pgx.feedback.password=") : List.of("--pgx.feedback.dir=" + where);
        Random random = new Random(42);
        Service a = Service.start(jar, 18301, store);
        Service b = pg ? Service.start(jar, 18302, store) : a;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }));
        for (int round = 1; round <= rounds; round++) {
            Service victim = pg && round % 2 == 0 ? b : a;
            long killAfterMs = random.nextInt(2_000);
            int before = ackedFeedback.size();
            burst(a, b, body, victim, killAfterMs);
            System.out.printf("round %d: killed %s after %d ms; acknowledged so far %d cards, %d feedbacks (+%d)%n",
                    round, victim.port, killAfterMs, ackedCards.size(), ackedFeedback.size(), ackedFeedback.size() - before);
            if (victim == a) {
                a = Service.start(jar, 18301, store);
                b = pg ? b : a;
            } else {
                b = Service.start(jar, 18302, store);
            }
        }
        a.kill();
        b.kill();
        String url = pg ? where : "jdbc:h2:file:" + Path.of(where).toAbsolutePath().resolve("pgx-cds") + ";DB_CLOSE_ON_EXIT=FALSE";
        Set<String> cards = column(url, pg ? "postgres" : "sa", "SELECT card_uuid FROM issued_card");
        Set<String> feedback = column(url, pg ? "postgres" : "sa", "SELECT card_uuid FROM feedback");
        long lostCards = ackedCards.stream().filter(c -> !cards.contains(c)).count();
        long lostFeedback = ackedFeedback.stream().filter(c -> !feedback.contains(c)).count();
        System.out.printf("%s, %d kill -9 rounds: acknowledged %d cards and %d feedbacks; stored %d cards and %d "
                + "feedbacks; acknowledged but lost: %d cards, %d feedbacks%n", pg ? "PostgreSQL (2 instances)" : "H2",
                rounds, ackedCards.size(), ackedFeedback.size(), cards.size(), feedback.size(), lostCards, lostFeedback);
        System.exit(lostCards + lostFeedback == 0 ? 0 : 1);
    }

    static void burst(Service issuer, Service receiver, String body, Service victim, long killAfterMs) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> r = post(issuer, "/cds-services/pgx-order-sign", body);
                        if (r.statusCode() != 200) {
                            continue;
                        }
                        Matcher card = UUID.matcher(r.body());
                        Matcher reason = REASON.matcher(r.body());
                        if (!card.find() || !reason.find()) {
                            continue;
                        }
                        ackedCards.add(card.group(1));
                        String feedback = "{\"feedback\":[{\"card\":\"" + card.group(1) + "\",\"outcome\":\"overridden\","
                                + "\"overrideReason\":{\"reason\":{\"system\":\"" + reason.group(1) + "\",\"code\":\""
                                + reason.group(2) + "\"}},\"outcomeTimestamp\":\"2026-01-01T00:00:00Z\"}]}";
                        if (post(receiver, "/cds-services/pgx-order-sign/feedback", feedback).statusCode() == 200) {
                            ackedFeedback.add(card.group(1));
                        }
                    } catch (Exception e) {
                        if (stop.get()) {
                            return;
                        }
                        sleep(20); // an instance is down: keep trying the other until the round ends
                    }
                }
            });
        }
        // At least 100 acknowledged feedbacks in this round (at most two minutes), then a random moment later.
        int start = ackedFeedback.size();
        for (int i = 0; i < 1_200 && ackedFeedback.size() - start < 100; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(killAfterMs);
        victim.kill();
        Thread.sleep(200);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }

    static HttpResponse<String> post(Service s, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Set<String> column(String url, String user, String sql) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, user, ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Service(Process process, int port) {
        static Service start(String jar, int port, List<String> store) throws Exception {
            List<String> cmd = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar, "--server.port=" + port,
                    "--pgx.security.enabled=false", "--logging.level.root=WARN"));
            cmd.addAll(store);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(System.getProperty("java.io.tmpdir"),
                            "pgx-killrun-" + port + ".log"))).start();
            for (int i = 0; i < 1_800; i++) {
                try {
                    if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        return new Service(p, port);
                    }
                } catch (Exception e) {
                    // starting
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException("service on " + port + " died at start");
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("service on " + port + " did not start");
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
