package no.pgx.cds.system;

import java.util.function.Supplier;

/**
 * The body of the CDS Hooks call the current thread is handling, as {@link RequestBodyReader} read it, while the
 * request is dispatched with it: so that the prefetch reader can take the PGx results as a slice of the bytes the
 * client sent instead of copying them token by token (it checks that the parser's positions match those bytes, and
 * copies when they do not). Null outside such a dispatch.
 */
public final class CurrentBody {
    private static final ThreadLocal<byte[]> BODY = new ThreadLocal<>();

    private CurrentBody() {
    }

    /** @return the body being handled on this thread, or null; not to be modified */
    public static byte[] get() {
        return BODY.get();
    }

    /** Runs something with a body set as the current one (tests, and code that parses a body it holds). */
    public static <T> T with(byte[] body, Supplier<T> action) {
        set(body);
        try {
            return action.get();
        } finally {
            clear();
        }
    }

    static void set(byte[] body) {
        BODY.set(body);
    }

    static void clear() {
        BODY.remove();
    }
}
