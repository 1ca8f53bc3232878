package no.pgx.cds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.pgx.cds.hooks.Card;
import no.pgx.cds.hooks.Coding;
import no.pgx.cds.hooks.Suggestion;

/**
 * Issued cards are written off the request thread: they must be accepted as feedback targets at once, reach the
 * database, survive a restart even when the service stops right after issuing them, and a store that cannot be
 * written must fail new calls rather than hand out cards whose feedback cannot be checked later.
 */
class FeedbackStoreTest {
    private static final Coding REASON = new Coding("https://pgx.test/override-reason", "will-monitor", "Will monitor");

    private static FeedbackStore open(Path dir) {
        FeedbackStore store = new FeedbackStore(new FeedbackProperties(dir, "", "sa", "", Duration.ofDays(180), 2000));
        store.afterSingletonsInstantiated();
        return store;
    }

    private static Card card() {
        return new Card(UUID.randomUUID().toString(), "summary", null, "warning", null,
                List.of(new Suggestion("label", UUID.randomUUID().toString(), null, List.of())), "at-most-one",
                List.of(REASON), List.of());
    }

    @Test
    void anIssuedCardIsFoundAtOnceAndAfterItIsWritten(@TempDir Path dir) throws Exception {
        FeedbackStore store = open(dir);
        try {
            Card card = card();
            store.recordIssued("pgx-order-sign", "hook-1", List.of(card));

            IssuedCard found = store.findIssued(card.uuid()).orElseThrow();
            assertThat(store.flush(Duration.ofSeconds(10))).isTrue();
            IssuedCard stored = store.findIssued(card.uuid()).orElseThrow();

            assertThat(stored).isEqualTo(found);
            assertThat(stored.serviceId()).isEqualTo("pgx-order-sign");
            assertThat(stored.suggestionIds()).containsExactly(card.suggestions().get(0).uuid());
            assertThat(stored.overrideReasons()).singleElement().satisfies(r -> assertThat(r.sameCode(REASON)).isTrue());
        } finally {
            store.destroy();
        }
    }

    @Test
    void cardsIssuedJustBeforeAStopSurviveTheRestart(@TempDir Path dir) {
        List<Card> cards = List.of(card(), card(), card());
        FeedbackStore first = open(dir);
        for (Card c : cards) {
            first.recordIssued("pgx-order-sign", "hook-" + c.uuid(), List.of(c));
        }
        first.destroy();

        FeedbackStore second = open(dir);
        try {
            for (Card c : cards) {
                assertThat(second.findIssued(c.uuid())).as(c.uuid()).isPresent();
            }
        } finally {
            second.destroy();
        }
    }

    @Test
    void aStoreThatCannotBeWrittenFailsNewCallsButKeepsWhatItHolds() throws Exception {
        IssuedCardWriter writer = new IssuedCardWriter(() -> {
            throw new IllegalStateException("database unavailable");
        });
        try {
            IssuedCardWriter.Row row = new IssuedCardWriter.Row("card-1", "pgx-order-sign", "hook-1",
                    Timestamp.from(Instant.now()), List.of("s-1"), List.of(REASON));
            writer.submit(List.of(row));

            assertThat(writer.flush(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(writer.pending("card-1")).isPresent();
            assertThatThrownBy(() -> writer.submit(List.of(row))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("database unavailable");
        } finally {
            writer.close();
        }
    }

    @Test
    void manyConcurrentCallsAreAllWritten(@TempDir Path dir) throws Exception {
        FeedbackStore store = open(dir);
        try {
            List<Card> cards = java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> card()).toList();
            cards.parallelStream().forEach(c -> store.recordIssued("pgx-order-sign", null, List.of(c)));
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:"
                    + dir.toAbsolutePath().resolve("pgx-cds") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
                 var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM issued_card")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2_000);
            }
        } finally {
            store.destroy();
        }
    }
}
