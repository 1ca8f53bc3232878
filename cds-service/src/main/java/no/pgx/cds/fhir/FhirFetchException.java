package no.pgx.cds.fhir;

/** A FHIR read or search against the client's server failed; the message has no patient data and no token. */
public class FhirFetchException extends Exception {
    private static final long serialVersionUID = 1L;

    public FhirFetchException(String message) {
        super(message);
    }

    public FhirFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
