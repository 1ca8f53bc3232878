package no.pgx.cli.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import no.pgx.cli.input.InputLine;
import no.pgx.cli.input.LineSource;

/**
 * Runs a line-per-record batch on a fixed pool of threads and writes the results in input order, with bounded memory.
 * Lines are handed to the workers in chunks; at most {@code 2 × threads} chunks wait to be written, so however long the
 * input, only a few hundred lines and their results are held at once. Each line's output is produced by a
 * {@link LineWorker}, which must handle its own line's failures: a line never stops the batch.
 */
public final class BatchRunner {
    /** Input lines handed to one worker at a time. */
    static final int CHUNK = 64;

    /**
     * Produces one line's output.
     */
    @FunctionalInterface
    public interface LineWorker {
        /**
         * Appends the output for {@code line} (including its newline) to {@code parts}; called on a worker thread, so
         * it must be thread-safe. The parts are written as they are, never copied, so shared arrays are fine.
         *
         * @return true when the line had errors (counted for the exit code)
         */
        boolean work(InputLine line, List<byte[]> parts) throws IOException;
    }

    /**
     * What a run did.
     *
     * @param failed    number of lines whose worker reported errors
     * @param lines     number of lines read
     * @param readError the error that stopped reading, or null when the whole input was read; the lines read before it
     *                  were processed and written
     */
    public record Outcome(int failed, int lines, IOException readError) {
    }

    private final int threads;

    /** @param threads worker threads, at least 1 */
    public BatchRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    /**
     * Reads every line of {@code source}, has {@code worker} process it and writes the outputs to {@code out} in input
     * order. Does not close or flush {@code out}.
     *
     * @throws IOException when writing to {@code out} fails
     * @throws IllegalStateException when a worker throws (an {@link Error} or an exception it did not handle)
     */
    public Outcome run(LineSource source, LineWorker worker, OutputStream out) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pgx-batch");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        int failed = 0;
        IOException readError = null;
        try {
            try {
                List<InputLine> lines = new ArrayList<>(CHUNK);
                InputLine line;
                while ((line = source.next()) != null) {
                    lines.add(line);
                    if (lines.size() == CHUNK) {
                        pending.add(submit(workers, lines, worker));
                        lines = new ArrayList<>(CHUNK);
                        while (pending.size() > 2 * threads) {
                            failed += write(pending.poll(), out);
                        }
                    }
                }
                if (!lines.isEmpty()) {
                    pending.add(submit(workers, lines, worker));
                }
            } catch (IOException e) {
                readError = e;  // what was read is still processed and written below
            }
            while (!pending.isEmpty()) {
                failed += write(pending.poll(), out);
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
            workers.shutdownNow();
        }
        return new Outcome(failed, source.lineNumber(), readError);
    }

    /** The output of a chunk: its lines' parts in order, and how many of its lines had errors. */
    private record Chunk(List<byte[]> parts, int failed) {
    }

    private static Future<Chunk> submit(ExecutorService workers, List<InputLine> lines, LineWorker worker) {
        return workers.submit(() -> {
            List<byte[]> parts = new ArrayList<>(lines.size() * 128);
            int failed = 0;
            for (InputLine line : lines) {
                if (worker.work(line, parts)) {
                    failed++;
                }
            }
            return new Chunk(parts, failed);
        });
    }

    private static int write(Future<Chunk> pending, OutputStream out) throws IOException {
        Chunk chunk;
        try {
            chunk = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch worker failed: " + e.getCause(), e.getCause());
        }
        for (byte[] part : chunk.parts()) {
            out.write(part, 0, part.length);
        }
        return chunk.failed();
    }
}
