package no.pgx.cli;

/**
 * A command line that cannot be understood, found after picocli has parsed it (a missing combination of options, a
 * value out of range); the message says which argument is wrong. Exit code 2.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the option */
    public UsageException(String message) {
        super(message);
    }
}
