package no.pgx.cds.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import no.pgx.cds.hooks.Card;
import no.pgx.cds.hooks.Coding;
import no.pgx.cds.hooks.Suggestion;

/**
 * Durable store of the cards this service issued and of the feedback on them: an embedded H2 database file under
 * {@code pgx.feedback.dir} (or any H2 JDBC URL in {@code pgx.feedback.jdbc-url}), so both survive a restart.
 * Feedback is append-only. Thread-safe (a small connection pool; each call is one transaction).
 *
 * <p>Opening the database (about half a second, mostly H2's own start-up) runs on a background thread while the rest
 * of the application starts; it is waited for before the application is ready ({@link #afterSingletonsInstantiated}).
 * Issued cards are written by an {@link IssuedCardWriter} in batches, off the request thread; a card not yet written
 * is found in its memory, so feedback validation does not depend on the timing of the write.
 *
 * <p>Only card ids, suggestion ids, override codes and the user's feedback are stored: no genotype, no patient id.
 */
@Component
public class FeedbackStore implements SmartInitializingSingleton, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackStore.class);
    private static final String SEP = "\n";

    private final boolean embedded;
    private final CompletableFuture<JdbcConnectionPool> opening;
    private final CompletableFuture<IssuedCardWriter> writer;

    public FeedbackStore(FeedbackProperties properties) {
        this.embedded = properties.jdbcUrl() == null || properties.jdbcUrl().isBlank();
        this.opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(open(properties));
            } catch (Throwable t) {
                opening.completeExceptionally(t);
            }
        }, "pgx-feedback-open");
        opener.setDaemon(true);
        opener.start();
        this.writer = opening.thenApply(pool -> new IssuedCardWriter(() -> {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }));
    }

    private JdbcConnectionPool open(FeedbackProperties properties) {
        long start = System.nanoTime();
        String url = embedded ? fileUrl(properties.dir()) : properties.jdbcUrl();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, properties.username(), properties.password());
        pool.setMaxConnections(16);
        createSchema(pool);
        purge(pool, Instant.now().minus(properties.issuedCardRetention()));
        LOG.info("Feedback store ready in {} ms ({})", (System.nanoTime() - start) / 1_000_000,
                embedded ? properties.dir().toAbsolutePath().normalize() : "configured JDBC URL");
        return pool;
    }

    /** The application is ready only once the store is open: a store that cannot be opened fails the start-up. */
    @Override
    public void afterSingletonsInstantiated() {
        pool();
        writer();
    }

    private JdbcConnectionPool pool() {
        return await(opening);
    }

    private IssuedCardWriter writer() {
        return await(writer);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Cannot open the feedback store: " + cause, cause);
        }
    }

    private static String fileUrl(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the feedback directory " + dir + ": " + e.getMessage(), e);
        }
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("pgx-cds") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static void createSchema(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS issued_card (card_uuid VARCHAR(64) PRIMARY KEY, "
                    + "service_id VARCHAR(64) NOT NULL, hook_instance VARCHAR(128), "
                    + "issued_at TIMESTAMP WITH TIME ZONE NOT NULL, suggestion_ids VARCHAR(16000) NOT NULL, "
                    + "override_reasons VARCHAR(16000) NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS issued_card_at ON issued_card(issued_at)");
            s.execute("CREATE TABLE IF NOT EXISTS feedback (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                    + "service_id VARCHAR(64) NOT NULL, card_uuid VARCHAR(64) NOT NULL, outcome VARCHAR(16) NOT NULL, "
                    + "accepted_suggestions VARCHAR(16000), reason_system VARCHAR(512), reason_code VARCHAR(256), "
                    + "reason_display VARCHAR(512), user_comment VARCHAR(8000), outcome_timestamp VARCHAR(64) NOT NULL, "
                    + "received_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS feedback_service ON feedback(service_id, id)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot initialise the feedback store: " + e.getMessage(), e);
        }
    }

    private static void purge(JdbcConnectionPool pool, Instant before) {
        try (Connection c = pool.getConnection();
             PreparedStatement p = c.prepareStatement("DELETE FROM issued_card WHERE issued_at < ?")) {
            p.setTimestamp(1, Timestamp.from(before));
            int n = p.executeUpdate();
            if (n > 0) {
                LOG.info("Purged {} issued card(s) older than the retention period", n);
            }
        } catch (SQLException e) {
            LOG.warn("Purging old issued cards failed: {}", e.getMessage());
        }
    }

    /**
     * Remembers the cards of one response. They are accepted as feedback targets at once; the database write
     * follows within milliseconds on the writer thread (see {@link IssuedCardWriter}).
     *
     * @param serviceId    the service that issued them
     * @param hookInstance the call's hook instance (for audit)
     * @param cards        the cards; nothing is written when empty
     * @throws IllegalStateException when the store cannot be written at present (the call then fails with 500: cards
     *                               whose feedback could not be checked are not handed out)
     */
    public void recordIssued(String serviceId, String hookInstance, List<Card> cards) {
        if (cards.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String instance = hookInstance == null ? null : hookInstance.substring(0, Math.min(128, hookInstance.length()));
        List<IssuedCardWriter.Row> rows = new ArrayList<>(cards.size());
        for (Card card : cards) {
            List<String> suggestionIds = new ArrayList<>(card.suggestions().size());
            for (Suggestion s : card.suggestions()) {
                suggestionIds.add(s.uuid());
            }
            List<Coding> reasons = new ArrayList<>(card.overrideReasons().size());
            for (Coding r : card.overrideReasons()) {
                reasons.add(new Coding(r.system(), r.code(), null));
            }
            rows.add(new IssuedCardWriter.Row(card.uuid(), serviceId, instance, now, List.copyOf(suggestionIds),
                    List.copyOf(reasons)));
        }
        writer().submit(rows);
    }

    /**
     * Waits until every card recorded before this call is in the database (tests, orderly shutdown).
     *
     * @return true when written, false on time-out
     */
    boolean flush(Duration timeout) throws InterruptedException {
        return writer().flush(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    static String join(List<String> values) {
        return String.join(SEP, values);
    }

    static String joinCodings(List<Coding> codings) {
        StringBuilder out = new StringBuilder();
        for (Coding r : codings) {
            if (out.length() > 0) {
                out.append(SEP);
            }
            out.append(r.system()).append('|').append(r.code());
        }
        return out.toString();
    }

    /**
     * @param uuid card uuid
     * @return the issued card, if this service issued it within the retention period
     */
    public Optional<IssuedCard> findIssued(String uuid) {
        Optional<IssuedCard> pending = writer().pending(uuid);
        if (pending.isPresent()) {
            return pending;
        }
        try (Connection c = pool().getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT service_id, suggestion_ids, override_reasons FROM issued_card WHERE card_uuid = ?")) {
            p.setString(1, uuid);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<Coding> reasons = new ArrayList<>();
                for (String r : split(rs.getString(3))) {
                    int bar = r.lastIndexOf('|');
                    reasons.add(new Coding(r.substring(0, bar), r.substring(bar + 1), null));
                }
                return Optional.of(new IssuedCard(uuid, rs.getString(1), split(rs.getString(2)), reasons));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read issued cards: " + e.getMessage(), e);
        }
    }

    /**
     * Appends feedback items in one transaction.
     *
     * @param serviceId the service the feedback was posted to
     * @param items     validated items
     */
    public void append(String serviceId, List<Feedback> items) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = pool().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO feedback (service_id, card_uuid, outcome, "
                    + "accepted_suggestions, reason_system, reason_code, reason_display, user_comment, "
                    + "outcome_timestamp, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Feedback f : items) {
                    Coding reason = f.overrideReason() == null ? null : f.overrideReason().reason();
                    p.setString(1, serviceId);
                    p.setString(2, f.card());
                    p.setString(3, f.outcome());
                    p.setString(4, f.acceptedSuggestions() == null ? null : String.join(SEP,
                            f.acceptedSuggestions().stream().map(AcceptedSuggestion::id).toList()));
                    p.setString(5, reason == null ? null : reason.system());
                    p.setString(6, reason == null ? null : reason.code());
                    p.setString(7, reason == null ? null : reason.display());
                    p.setString(8, f.overrideReason() == null ? null : f.overrideReason().userComment());
                    p.setString(9, f.outcomeTimestamp());
                    p.setTimestamp(10, now);
                    p.addBatch();
                }
                p.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store feedback: " + e.getMessage(), e);
        }
    }

    /**
     * @param serviceId service id
     * @param limit     most items to return
     * @return stored feedback for the service, newest first
     */
    public List<StoredFeedback> list(String serviceId, int limit) {
        List<StoredFeedback> out = new ArrayList<>();
        try (Connection c = pool().getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT card_uuid, outcome, accepted_suggestions, reason_system, reason_code, reason_display, "
                        + "user_comment, outcome_timestamp, received_at FROM feedback WHERE service_id = ? "
                        + "ORDER BY id DESC LIMIT ?")) {
            p.setString(1, serviceId);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    List<AcceptedSuggestion> accepted = split(rs.getString(3)).stream().map(AcceptedSuggestion::new)
                            .toList();
                    Coding reason = rs.getString(5) == null ? null
                            : new Coding(rs.getString(4), rs.getString(5), rs.getString(6));
                    OverrideReason override = reason == null && rs.getString(7) == null ? null
                            : new OverrideReason(reason, rs.getString(7));
                    out.add(new StoredFeedback(serviceId, rs.getString(1), rs.getString(2), accepted, override,
                            rs.getString(8), rs.getTimestamp(9).toInstant().toString()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read feedback: " + e.getMessage(), e);
        }
        return out;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEP));
    }

    /** Closes the embedded database cleanly so that the file is consistent and unlocked for the next start; a
     * configured server database is only disconnected. */
    @Override
    public void destroy() {
        try {
            opening.join();
        } catch (CompletionException e) {
            return;
        }
        JdbcConnectionPool pool = pool();
        writer().close();
        if (!embedded) {
            pool.dispose();
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("Feedback store shutdown: {}", e.getMessage());
        } finally {
            pool.dispose();
        }
    }
}
