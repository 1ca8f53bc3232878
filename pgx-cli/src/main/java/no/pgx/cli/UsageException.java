package no.pgx.cli;

/** A command line that cannot be understood; the message says which argument is wrong. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
