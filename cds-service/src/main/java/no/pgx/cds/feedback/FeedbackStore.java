package no.pgx.cds.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import no.pgx.cds.hooks.Card;
import no.pgx.cds.hooks.CardCoding;
import no.pgx.cds.hooks.Suggestion;

/**
 * Durable store of the cards this service issued and of the feedback on them: an embedded H2 database file under
 * {@code pgx.feedback.dir} by default, or the database of {@code pgx.feedback.jdbc-url} (PostgreSQL when several
 * instances share it). The schema is created and upgraded by Flyway from the same migrations for both. Thread-safe.
 *
 * <p>Durability: {@link #recordIssued} and {@link #append} return only once their rows are committed (group commit
 * through one {@link StoreWriter}; the embedded H2 file is written by a CHECKPOINT after every group commit), so a call
 * answered 200 is never
 * lost, even by {@code kill -9}. Because the write is committed before the answer, feedback on a card may arrive at any
 * instance that shares the database.
 *
 * <p>Retention: issued cards and feedback older than their retention periods are deleted at start and then every
 * {@code retention-interval} while the service runs, in bounded chunks.
 *
 * <p>Opening the database runs on a background thread while the rest of the application starts; it is waited for
 * before the application is ready ({@link #afterSingletonsInstantiated}). Only card ids, suggestion ids, override
 * codes and the user's feedback are stored: no genotype, no patient id.
 */
@Component
public class FeedbackStore implements SmartInitializingSingleton, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackStore.class);
    private static final String SEP = "\n";
    private static final int PURGE_CHUNK = 5_000;
    private static final String INSERT_CARD = "INSERT INTO issued_card (card_uuid, service_id, hook_instance, "
            + "issued_at, suggestion_ids, override_reasons) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_FEEDBACK = "INSERT INTO feedback (service_id, card_uuid, outcome, "
            + "accepted_suggestions, reason_system, reason_code, reason_display, user_comment, outcome_timestamp, "
            + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final FeedbackProperties properties;
    private final boolean embedded;
    private final CompletableFuture<Opened> opening;
    private ScheduledExecutorService retention;

    private record Opened(HikariDataSource database, StoreWriter writer) {
    }

    public FeedbackStore(FeedbackProperties properties) {
        this.properties = properties;
        this.embedded = properties.jdbcUrl() == null || properties.jdbcUrl().isBlank();
        this.opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(open());
            } catch (Throwable t) {
                opening.completeExceptionally(t);
            }
        }, "pgx-feedback-open");
        opener.setDaemon(true);
        opener.start();
    }

    private Opened open() {
        long start = System.nanoTime();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(embedded ? fileUrl(properties.dir()) : properties.jdbcUrl());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(Math.max(2, properties.maxPoolSize()));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, properties.commitTimeout().toMillis()));
        config.setPoolName("pgx-feedback");
        HikariDataSource database = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(database).locations("classpath:db/feedback")
                    // A store created before the migrations existed holds the V1 tables already.
                    .baselineOnMigrate(true).baselineVersion("1").load().migrate();
        } catch (RuntimeException e) {
            database.close();
            throw new IllegalStateException("Cannot initialise the feedback store: " + e.getMessage(), e);
        }
        LOG.info("Feedback store ready in {} ms ({})", (System.nanoTime() - start) / 1_000_000,
                embedded ? properties.dir().toAbsolutePath().normalize() : "configured JDBC URL");
        return new Opened(database, new StoreWriter(database, embedded ? "CHECKPOINT" : null));
    }

    /**
     * The application is ready only once the store is open (a store that cannot be opened fails the start-up); the
     * retention job starts then.
     */
    @Override
    public void afterSingletonsInstantiated() {
        opened();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pgx-feedback-retention");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, properties.retentionInterval().toSeconds());
        s.scheduleWithFixedDelay(this::purgeQuietly, 0, every, TimeUnit.SECONDS);
        retention = s;
    }

    private Opened opened() {
        try {
            return opening.join();
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
        // RETENTION_TIME=0: space of superseded data is reused at once. The writer runs CHECKPOINT after each group
        // commit, so committed data is in the file before the call is answered (H2 otherwise writes it up to half a
        // second later, which a crash loses), while H2's background housekeeping keeps the file compact (with
        // WRITE_DELAY=0 instead there is no housekeeping and the file grew by kilobytes per card).
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("pgx-cds")
                + ";DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=0";
    }

    /**
     * Records the cards of one response; returns once they are committed, so that feedback on them is accepted by
     * every instance that shares the store.
     *
     * @param serviceId    the service that issued them
     * @param hookInstance the call's hook instance (for audit)
     * @param cards        the cards; nothing is written when empty
     * @throws StoreUnavailableException when they cannot be committed in time (the call then fails with 503: cards
     *                                   whose feedback could not be checked are not handed out)
     */
    public void recordIssued(String serviceId, String hookInstance, List<Card> cards) {
        if (cards.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String instance = hookInstance == null ? null : hookInstance.substring(0, Math.min(128, hookInstance.length()));
        opened().writer().write(c -> {
            try (PreparedStatement p = c.prepareStatement(INSERT_CARD)) {
                for (Card card : cards) {
                    p.setString(1, card.uuid());
                    p.setString(2, serviceId);
                    p.setString(3, instance);
                    p.setTimestamp(4, now);
                    p.setString(5, String.join(SEP, card.suggestions().stream().map(Suggestion::uuid).toList()));
                    p.setString(6, joinCodings(card.overrideReasons()));
                    p.addBatch();
                }
                p.executeBatch();
            }
        }, properties.commitTimeout());
    }

    static String joinCodings(List<CardCoding> codings) {
        StringBuilder out = new StringBuilder();
        for (CardCoding r : codings) {
            if (out.length() > 0) {
                out.append(SEP);
            }
            out.append(r.system()).append('|').append(r.code());
        }
        return out.toString();
    }

    /**
     * @param uuid card uuid
     * @return the issued card, if this service (any instance on the same store) issued it within the retention period
     */
    public Optional<IssuedCard> findIssued(String uuid) {
        try (Connection c = opened().database().getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT service_id, suggestion_ids, override_reasons FROM issued_card WHERE card_uuid = ?")) {
            p.setString(1, uuid);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<CardCoding> reasons = new ArrayList<>();
                for (String r : split(rs.getString(3))) {
                    int bar = r.lastIndexOf('|');
                    reasons.add(new CardCoding(r.substring(0, bar), r.substring(bar + 1), null));
                }
                return Optional.of(new IssuedCard(uuid, rs.getString(1), split(rs.getString(2)), reasons));
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot read issued cards: " + e.getMessage(), e);
        }
    }

    /**
     * Appends feedback items in one transaction; returns once they are committed.
     *
     * @param serviceId the service the feedback was posted to
     * @param items     validated items
     * @throws StoreUnavailableException when they cannot be committed in time (503)
     */
    public void append(String serviceId, List<Feedback> items) {
        Timestamp now = Timestamp.from(Instant.now());
        opened().writer().write(c -> {
            try (PreparedStatement p = c.prepareStatement(INSERT_FEEDBACK)) {
                for (Feedback f : items) {
                    CardCoding reason = f.overrideReason() == null ? null : f.overrideReason().reason();
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
            }
        }, properties.commitTimeout());
    }

    /**
     * @param serviceId service id
     * @param limit     most items to return
     * @return stored feedback for the service, newest first
     */
    public List<StoredFeedback> list(String serviceId, int limit) {
        List<StoredFeedback> out = new ArrayList<>();
        try (Connection c = opened().database().getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT card_uuid, outcome, accepted_suggestions, reason_system, reason_code, reason_display, "
                        + "user_comment, outcome_timestamp, received_at FROM feedback WHERE service_id = ? "
                        + "ORDER BY id DESC LIMIT ?")) {
            p.setString(1, serviceId);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    List<AcceptedSuggestion> accepted = split(rs.getString(3)).stream().map(AcceptedSuggestion::new)
                            .toList();
                    CardCoding reason = rs.getString(5) == null ? null
                            : new CardCoding(rs.getString(4), rs.getString(5), rs.getString(6));
                    OverrideReason override = reason == null && rs.getString(7) == null ? null
                            : new OverrideReason(reason, rs.getString(7));
                    out.add(new StoredFeedback(serviceId, rs.getString(1), rs.getString(2), accepted, override,
                            rs.getString(8), rs.getTimestamp(9).toInstant().toString()));
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot read feedback: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Deletes issued cards and feedback older than their retention periods, in chunks (each its own transaction on
     * the writer, so calls are not held up behind one long delete).
     *
     * @param now the current time
     * @return rows deleted
     */
    long purge(Instant now) {
        long total = 0;
        total += purge("issued_card", "card_uuid", "issued_at", now.minus(properties.issuedCardRetention()));
        total += purge("feedback", "id", "received_at", now.minus(properties.feedbackRetention()));
        return total;
    }

    private long purge(String table, String key, String time, Instant before) {
        String sql = "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table + " WHERE "
                + time + " < ? ORDER BY " + time + " LIMIT " + PURGE_CHUNK + ")";
        long total = 0;
        while (true) {
            int[] deleted = new int[1];
            opened().writer().write(c -> {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setTimestamp(1, Timestamp.from(before));
                    deleted[0] = p.executeUpdate();
                }
            }, Duration.ofMinutes(1));
            total += deleted[0];
            if (deleted[0] < PURGE_CHUNK) {
                break;
            }
        }
        if (total > 0) {
            LOG.info("Retention: deleted {} row(s) of {} older than {}", total, table, before);
        }
        return total;
    }

    private void purgeQuietly() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Retention run failed (next run as scheduled): {}", e.getMessage());
        }
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEP));
    }

    /**
     * Stops in order: the retention job, then the writer (it commits what is queued), then the connection pool. The
     * embedded database closes itself cleanly when its last connection closes, so nothing touches it after that.
     */
    @Override
    public void destroy() {
        if (retention != null) {
            retention.shutdownNow();
            try {
                retention.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Opened o;
        try {
            o = opening.join();
        } catch (CompletionException e) {
            return;
        }
        o.writer().close();
        o.database().close();
    }
}
