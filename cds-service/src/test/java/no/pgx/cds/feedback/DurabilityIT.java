package no.pgx.cds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.pgx.cds.support.Http;
import no.pgx.cds.support.PostgresServer;
import no.pgx.cds.support.ServiceProcess;

/**
 * Nothing the client heard 200 for is lost when the service is killed with {@code kill -9} in the middle of a burst of
 * calls: every card whose call was answered 200 and every feedback answered 200 is in the store afterwards. On H2
 * (one instance) and on PostgreSQL with two instances sharing the database, where cards are issued by one instance
 * and their feedback is posted to the other, and each of them is killed in turn.
 */
class DurabilityIT {
    private static final int CLIENTS = 6;
    /** Acknowledged feedbacks after which the kill comes (the burst goes on until the service is gone). */
    private static final int KILL_AFTER = 150;

    /** What the clients heard 200 for. */
    private static final class Acknowledged {
        final Set<String> cards = ConcurrentHashMap.newKeySet();
        final Set<String> feedback = ConcurrentHashMap.newKeySet();
    }

    @Test
    void killDashNineLosesNoAcknowledgedWriteOnH2(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Acknowledged acked = new Acknowledged();
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("service.log"), "--pgx.feedback.dir=" + store)) {
            burst(new Http(service.base()), new Http(service.base()), acked, service);
        }
        String url = "jdbc:h2:file:" + store.toAbsolutePath().resolve("pgx-cds") + ";DB_CLOSE_ON_EXIT=FALSE";
        assertStored(url, "sa", "", acked);
    }

    @Test
    void killDashNineOfEitherInstanceLosesNoAcknowledgedWriteOnPostgresql(@TempDir Path dir) throws Exception {
        String url = PostgresServer.shared().newDatabase();
        String[] args = {"--pgx.feedback.jdbc-url=" + url, "--pgx.feedback.username=postgres",
                "--pgx.feedback.password="};
        Acknowledged acked = new Acknowledged();
        try (ServiceProcess a = ServiceProcess.start(dir.resolve("a.log"), args);
             ServiceProcess b = ServiceProcess.start(dir.resolve("b.log"), args)) {
            // Cards from A, feedback through B: B finds A's cards in the shared database. Then A dies.
            burst(new Http(a.base()), new Http(b.base()), acked, a);
            // And the other way round with B killed; A comes back first.
            try (ServiceProcess a2 = ServiceProcess.start(dir.resolve("a2.log"), args)) {
                burst(new Http(a2.base()), new Http(b.base()), acked, b);
            }
        }
        assertStored(url, "postgres", "", acked);
    }

    /**
     * Clients issue cards on one instance and post feedback on each through another until {@code victim} is killed
     * (after {@value #KILL_AFTER} acknowledged feedbacks of this burst).
     */
    private static void burst(Http issuer, Http receiver, Acknowledged acked, ServiceProcess victim) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(KILL_AFTER);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        JsonNode card = FeedbackIT.issueCard(issuer);
                        String uuid = card.get("uuid").asText();
                        acked.cards.add(uuid);
                        Http.Response r = receiver.post(FeedbackIT.FEEDBACK, FeedbackIT.body(FeedbackIT.overridden(uuid,
                                card.get("overrideReasons").get(0), "burst")));
                        if (r.status() == 200) {
                            acked.feedback.add(uuid);
                            enough.countDown();
                        }
                    } catch (RuntimeException | AssertionError e) {
                        // The instance is gone (connection refused or reset): this client stops.
                        return;
                    }
                }
            });
        }
        assertThat(enough.await(120, TimeUnit.SECONDS)).as("acknowledged feedbacks before the kill").isTrue();
        victim.kill();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private static void assertStored(String url, String user, String password, Acknowledged acked) throws Exception {
        Set<String> cards = column(url, user, password, "SELECT card_uuid FROM issued_card");
        Set<String> feedback = column(url, user, password, "SELECT card_uuid FROM feedback");
        System.out.printf("durability %s: acknowledged %d cards, %d feedbacks; stored %d cards, %d feedbacks%n",
                url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", acked.cards.size(), acked.feedback.size(),
                cards.size(), feedback.size());
        assertThat(acked.feedback).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
        assertThat(cards).as("every acknowledged card is stored").containsAll(acked.cards);
        assertThat(feedback).as("every acknowledged feedback is stored").containsAll(acked.feedback);
    }

    private static Set<String> column(String url, String user, String password, String sql) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

}
