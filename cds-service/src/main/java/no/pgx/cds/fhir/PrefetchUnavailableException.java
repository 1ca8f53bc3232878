package no.pgx.cds.fhir;

/**
 * Data the service needs was neither prefetched nor obtainable from the client's FHIR server: answered with
 * 412 Precondition Failed (CDS Hooks 2.0, "Prefetch Template"). The message names the prefetch key, never data.
 */
public class PrefetchUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the prefetch key that could not be satisfied
     * @param message why, without patient data
     */
    public PrefetchUnavailableException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** @return the prefetch key */
    public String key() {
        return key;
    }
}
