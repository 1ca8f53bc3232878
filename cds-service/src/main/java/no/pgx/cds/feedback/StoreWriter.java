package no.pgx.cds.feedback;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every write to the store goes through this one thread (group commit): the writes that queue while a transaction
 * commits go into the next transaction together, and each caller waits until the transaction holding its write has
 * committed ({@link #write}). A caller that returns normally has its write durable: the service answers 200 only
 * after that, so a crash (even {@code kill -9}) never loses an acknowledged card or feedback. When a batch fails, its
 * writes are retried one by one so that one bad write fails only its own call. Thread-safe.
 */
final class StoreWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
    private static final int MAX_BATCH = 1_000;
    static final int MAX_QUEUED = 20_000;

    /** One write, run inside the batch's transaction. */
    @FunctionalInterface
    interface Work {
        void write(Connection c) throws SQLException;
    }

    private record Task(Work work, CompletableFuture<Void> done) {
    }

    private static final Task STOP = new Task(c -> { }, new CompletableFuture<>());

    private final DataSource database;
    private final String afterCommit;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread thread;
    private volatile boolean closing;

    /**
     * @param database    where to write
     * @param afterCommit a statement run after each commit before the writes count as done (the embedded H2 store's
     *                    {@code CHECKPOINT}, which writes the committed data to its file), or null
     */
    StoreWriter(DataSource database, String afterCommit) {
        this.database = database;
        this.afterCommit = afterCommit;
        this.thread = new Thread(this::run, "pgx-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a write and waits until it is committed.
     *
     * @throws StoreUnavailableException when it could not be committed within the timeout (it may still commit later)
     */
    void write(Work work, Duration timeout) {
        CompletableFuture<Void> done = submit(work);
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("the store did not commit within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new StoreUnavailableException("the store could not be written: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the store", e);
        }
    }

    /** Queues a write; the future completes when it is committed (or fails). */
    CompletableFuture<Void> submit(Work work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the store is shutting down"));
        } else if (!queue.offer(new Task(work, done))) {
            done.completeExceptionally(new IllegalStateException(MAX_QUEUED + " writes are already waiting"));
        }
        return done;
    }

    /** Writes everything queued so far (waiting up to 10 s), then stops the thread. No write is accepted after. */
    @Override
    public void close() {
        closing = true;
        try {
            queue.put(STOP);
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("The store writer did not finish its queue before shutdown");
            thread.interrupt();
        }
    }

    private void run() {
        Connection c = null;
        List<Task> batch = new ArrayList<>();
        while (true) {
            try {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
            } catch (InterruptedException e) {
                break;
            }
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                c = writeBatch(c, batch);
            }
            if (stop) {
                break;
            }
        }
        closeQuietly(c);
    }

    /** @return the connection to use next (null when it broke) */
    private Connection writeBatch(Connection c, List<Task> batch) {
        try {
            c = c == null ? open() : c;
            for (Task t : batch) {
                t.work().write(c);
            }
            c.commit();
            if (afterCommit != null) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute(afterCommit);
                }
            }
            batch.forEach(t -> t.done().complete(null));
            return c;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            if (batch.size() == 1) {
                LOG.warn("Store write failed: {}", e.getMessage());
                batch.get(0).done().completeExceptionally(e);
                return usable(c);
            }
        }
        // One write spoilt the batch (or the connection broke): each write on its own.
        Connection one = usable(c);
        for (Task t : batch) {
            one = writeBatch(one, List.of(t));
        }
        return one;
    }

    private Connection open() throws SQLException {
        Connection c = database.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static Connection usable(Connection c) {
        try {
            if (c != null && c.isValid(1)) {
                return c;
            }
        } catch (SQLException e) {
            // fall through: replace it
        }
        closeQuietly(c);
        return null;
    }

    private static void rollbackQuietly(Connection c) {
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException e) {
                LOG.debug("Rollback failed: {}", e.getMessage());
            }
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
