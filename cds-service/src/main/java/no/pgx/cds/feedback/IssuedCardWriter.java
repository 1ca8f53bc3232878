package no.pgx.cds.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.pgx.cds.hooks.Coding;

/**
 * Writes issued cards to the store on one background thread, in batches, so that a hook call does not wait for a
 * database transaction. Until its row is committed a card is held in memory and {@link #pending(String)} finds it, so
 * feedback on it is validated exactly as on a stored card; the row is dropped from memory only after the commit.
 *
 * <p>Durability: a row is committed within one transaction time of its call (the writer takes whatever has queued
 * while it wrote the previous batch). {@link #close()} writes everything queued before the store shuts down, so
 * issued cards survive a restart. A crash of the JVM can lose the cards of the last few milliseconds, as H2 itself
 * does (it writes committed data to the file in the background). When writing fails, the writer retries, and new
 * calls fail ({@link #submit} throws) until a write succeeds again: cards whose feedback could not be checked after a
 * restart are not handed out. At most {@value #MAX_PENDING} rows wait in memory; beyond that a call waits for the
 * writer (up to {@value #SUBMIT_TIMEOUT_SECONDS} s, then fails). Thread-safe.
 */
final class IssuedCardWriter {
    private static final Logger LOG = LoggerFactory.getLogger(IssuedCardWriter.class);
    static final int MAX_PENDING = 50_000;
    private static final int MAX_BATCH = 2_000;
    private static final long SUBMIT_TIMEOUT_SECONDS = 5;
    private static final long RETRY_MILLIS = 500;
    private static final String INSERT = "INSERT INTO issued_card (card_uuid, service_id, hook_instance, issued_at, "
            + "suggestion_ids, override_reasons) VALUES (?, ?, ?, ?, ?, ?)";

    /** One issued_card row; {@code suggestionIds} and {@code overrideReasons} are the stored (joined) forms. */
    record Row(String cardUuid, String serviceId, String hookInstance, Timestamp issuedAt, List<String> suggestionIds,
               List<Coding> overrideReasons) {
        IssuedCard card() {
            return new IssuedCard(cardUuid, serviceId, suggestionIds, overrideReasons);
        }
    }

    private final Supplier<Connection> connections;
    private final Map<String, Row> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<Row> queue = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(MAX_PENDING);
    private final Object progress = new Object();
    private final Thread thread;
    private long submitted;   // guarded by progress
    private long committed;   // guarded by progress
    private volatile Exception failure;
    private volatile boolean closing;

    /** @param connections gives a new connection to the store (the writer keeps one open while it can) */
    IssuedCardWriter(Supplier<Connection> connections) {
        this.connections = connections;
        this.thread = new Thread(this::run, "pgx-feedback-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues the rows of one call; they are findable with {@link #pending} at once.
     *
     * @throws IllegalStateException when the store cannot be written at present, or the writer is too far behind
     */
    void submit(List<Row> rows) {
        Exception failed = failure;
        if (failed != null) {
            throw new IllegalStateException("Cannot record issued cards: " + failed.getMessage(), failed);
        }
        if (closing) {
            throw new IllegalStateException("Cannot record issued cards: the store is shutting down");
        }
        try {
            if (!room.tryAcquire(rows.size(), SUBMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Cannot record issued cards: the store is " + MAX_PENDING
                        + " rows behind");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording issued cards", e);
        }
        synchronized (progress) {
            for (Row r : rows) {
                pending.put(r.cardUuid(), r);
            }
            queue.addAll(rows);
            submitted += rows.size();
        }
    }

    /** @return the card with this uuid if it is issued but not yet committed */
    Optional<IssuedCard> pending(String uuid) {
        Row r = pending.get(uuid);
        return r == null ? Optional.empty() : Optional.of(r.card());
    }

    /**
     * Waits until every row submitted before this call is committed.
     *
     * @return true when they are, false on time-out
     */
    boolean flush(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (progress) {
            long target = submitted;
            while (committed < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    /** Stops taking rows, writes what is queued (waiting up to 10 s unless writing fails), and stops the thread. */
    void close() {
        closing = true;
        try {
            // A failing store makes no progress: do not hold up the shutdown for it.
            if (failure != null || !flush(10, TimeUnit.SECONDS)) {
                LOG.error("{} issued card(s) could not be written before shutdown", pending.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Connection c = null;
        PreparedStatement insert = null;
        List<Row> batch = new ArrayList<>();
        while (true) {
            try {
                if (batch.isEmpty()) {
                    if (closing && queue.isEmpty()) {
                        break;
                    }
                    batch.add(queue.take());
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                if (c == null) {
                    c = connections.get();
                    c.setAutoCommit(false);
                    insert = c.prepareStatement(INSERT);
                }
                write(c, insert, batch);
                done(batch);
                batch = new ArrayList<>();
                failure = null;
            } catch (InterruptedException e) {
                if (!closing || queue.isEmpty() && batch.isEmpty()) {
                    break;
                }
            } catch (SQLException | RuntimeException e) {
                if (failure == null) {
                    LOG.error("Writing issued cards failed, retrying: {}", e.getMessage());
                }
                failure = e;
                closeQuietly(c);
                c = null;
                if (closing || !pause()) {
                    break;
                }
            }
        }
        closeQuietly(c);
    }

    private static void write(Connection c, PreparedStatement p, List<Row> batch) throws SQLException {
        try {
            for (Row row : batch) {
                p.setString(1, row.cardUuid());
                p.setString(2, row.serviceId());
                p.setString(3, row.hookInstance());
                p.setTimestamp(4, row.issuedAt());
                p.setString(5, FeedbackStore.join(row.suggestionIds()));
                p.setString(6, FeedbackStore.joinCodings(row.overrideReasons()));
                p.addBatch();
            }
            p.executeBatch();
            c.commit();
        } catch (SQLException e) {
            p.clearBatch();
            c.rollback();
            throw e;
        }
    }

    /** Committed: the rows leave memory (after the commit, so a reader always finds a card in one place or both). */
    private void done(List<Row> batch) {
        for (Row r : batch) {
            pending.remove(r.cardUuid());
        }
        room.release(batch.size());
        synchronized (progress) {
            committed += batch.size();
            progress.notifyAll();
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing the writer connection: {}", e.getMessage());
            }
        }
    }
}
