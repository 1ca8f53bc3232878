package no.pgx.cds.feedback;

/**
 * The store could not commit a write in time (database down, or far behind): the call is answered 503, so a client
 * never hears 200 for a card or feedback that is not durable. The message has no patient data.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
