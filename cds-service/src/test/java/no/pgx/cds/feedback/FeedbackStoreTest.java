package no.pgx.cds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import no.pgx.cds.hooks.Card;
import no.pgx.cds.hooks.CardCoding;
import no.pgx.cds.hooks.Suggestion;
import no.pgx.cds.support.PostgresServer;

/**
 * The store on both databases it supports (the embedded H2 file and a real PostgreSQL server): a card is readable as
 * soon as {@code recordIssued} returns (it is committed before the call answers), cards and feedback survive a
 * restart, retention deletes only old rows, and a store that cannot be written fails the call instead of pretending.
 */
class FeedbackStoreTest {
    private static final CardCoding REASON = new CardCoding("https://pgx.test/override-reason", "will-monitor", "Will monitor");

    @TempDir
    Path dir;

    private FeedbackProperties properties(String database) {
        FeedbackProperties p = FeedbackProperties.embedded(dir);
        return "postgresql".equals(database) ? p.withJdbc(PostgresServer.shared().newDatabase(), "postgres", "") : p;
    }

    private static FeedbackStore open(FeedbackProperties properties) {
        FeedbackStore store = new FeedbackStore(properties);
        store.afterSingletonsInstantiated();
        return store;
    }

    private static Card card() {
        return new Card(UUID.randomUUID().toString(), "summary", null, "warning", null,
                List.of(new Suggestion("label", UUID.randomUUID().toString(), null, List.of())), "at-most-one",
                List.of(REASON), List.of());
    }

    private static Feedback overridden(String card) {
        return new Feedback(card, "overridden", null, new OverrideReason(REASON, "comment"), "2026-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anIssuedCardIsReadableFromTheDatabaseAsSoonAsItIsRecorded(String database) {
        FeedbackProperties properties = properties(database);
        FeedbackStore store = open(properties);
        // On PostgreSQL a second store (another instance) reads it; the embedded file has one user at a time.
        FeedbackStore other = database.equals("h2") ? store : open(properties);
        try {
            Card card = card();
            store.recordIssued("pgx-order-sign", "hook-1", List.of(card));

            IssuedCard stored = other.findIssued(card.uuid()).orElseThrow();
            assertThat(stored.serviceId()).isEqualTo("pgx-order-sign");
            assertThat(stored.suggestionIds()).containsExactly(card.suggestions().get(0).uuid());
            assertThat(stored.overrideReasons()).singleElement().satisfies(r -> assertThat(r.sameCode(REASON)).isTrue());
        } finally {
            if (other != store) {
                other.destroy();
            }
            store.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void cardsAndFeedbackSurviveARestart(String database) {
        FeedbackProperties properties = properties(database);
        List<Card> cards = List.of(card(), card(), card());
        FeedbackStore first = open(properties);
        for (Card c : cards) {
            first.recordIssued("pgx-order-sign", "hook-" + c.uuid(), List.of(c));
        }
        first.append("pgx-order-sign", List.of(overridden(cards.get(0).uuid())));
        first.destroy();

        FeedbackStore second = open(properties);
        try {
            for (Card c : cards) {
                assertThat(second.findIssued(c.uuid())).as(c.uuid()).isPresent();
            }
            assertThat(second.list("pgx-order-sign", 10)).singleElement()
                    .satisfies(f -> assertThat(f.card()).isEqualTo(cards.get(0).uuid()));
        } finally {
            second.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void retentionDeletesOnlyRowsOlderThanTheirPeriod(String database) throws Exception {
        FeedbackProperties properties = properties(database).withRetention(Duration.ofDays(180), Duration.ofDays(730));
        FeedbackStore store = open(properties);
        try {
            Card old = card();
            Card recent = card();
            store.recordIssued("pgx-order-sign", null, List.of(old, recent));
            store.append("pgx-order-sign", List.of(overridden(old.uuid()), overridden(recent.uuid())));

            // A purge run as if 200 days had passed: both cards are past 180 days, feedback (730 days) is kept.
            assertThat(store.purge(Instant.now().plus(Duration.ofDays(200)))).isEqualTo(2);
            assertThat(store.findIssued(old.uuid())).isEmpty();
            assertThat(store.list("pgx-order-sign", 10)).hasSize(2);
            // As if 800 days had passed: the feedback goes too.
            assertThat(store.purge(Instant.now().plus(Duration.ofDays(800)))).isEqualTo(2);
            assertThat(store.list("pgx-order-sign", 10)).isEmpty();
        } finally {
            store.destroy();
        }
    }

    @Test
    void aCardOlderThanTheRetentionPeriodIsDeletedByTheScheduledRun() throws Exception {
        FeedbackStore store = open(FeedbackProperties.embedded(dir));
        Card card = card();
        try {
            store.recordIssued("pgx-order-sign", null, List.of(card));
        } finally {
            store.destroy();
        }
        try (Connection c = DriverManager.getConnection(h2Url(), "sa", "");
             PreparedStatement p = c.prepareStatement("UPDATE issued_card SET issued_at = ? WHERE card_uuid = ?")) {
            p.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(181))));
            p.setString(2, card.uuid());
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
        FeedbackStore reopened = open(FeedbackProperties.embedded(dir));
        try {
            // The retention job runs at start and then on its schedule; wait for its first run.
            for (int i = 0; i < 100 && reopened.findIssued(card.uuid()).isPresent(); i++) {
                Thread.sleep(50);
            }
            assertThat(reopened.findIssued(card.uuid())).isEmpty();
        } finally {
            reopened.destroy();
        }
    }

    @Test
    void aStoreThatCannotBeWrittenFailsTheCall() {
        FeedbackProperties properties = FeedbackProperties.embedded(dir);
        FeedbackStore store = open(properties);
        store.destroy();
        assertThatThrownBy(() -> store.recordIssued("pgx-order-sign", "hook-1", List.of(card())))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void manyConcurrentCallsAreAllCommittedWhenTheyReturn(String database) throws Exception {
        FeedbackProperties properties = properties(database);
        FeedbackStore store = open(properties);
        try {
            List<Card> cards = IntStream.range(0, 2_000).mapToObj(i -> card()).toList();
            cards.parallelStream().forEach(c -> store.recordIssued("pgx-order-sign", null, List.of(c)));
            String url = properties.jdbcUrl().isBlank() ? h2Url() : properties.jdbcUrl();
            try (Connection c = DriverManager.getConnection(url, properties.username(), properties.password());
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM issued_card")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2_000);
            }
        } finally {
            store.destroy();
        }
    }

    @Test
    void aStoppedEmbeddedStoreLeavesNoClosedDatabaseTrace() {
        FeedbackStore store = open(FeedbackProperties.embedded(dir));
        store.recordIssued("pgx-order-sign", null, List.of(card()));
        store.list("pgx-order-sign", 1);
        store.destroy();
        Path trace = dir.resolve("pgx-cds.trace.db");
        assertThat(trace).as(() -> read(trace)).doesNotExist();
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private String h2Url() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pgx-cds") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
