package no.pgx.cds.system;

import org.springframework.http.HttpStatus;

/**
 * A client mistake in a CDS Hooks call (malformed context, unknown service, hook mismatch …). Answered with a 4xx
 * JSON problem body that names the field; never logged with patient data.
 */
public class CdsRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String field;

    /**
     * @param status  the 4xx status to answer with
     * @param field   the request field at fault (JSON path such as {@code context.patientId}), or null
     * @param message a specific message; it must not contain patient data
     */
    public CdsRequestException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** A 400 Bad Request naming the field. */
    public static CdsRequestException badRequest(String field, String message) {
        return new CdsRequestException(HttpStatus.BAD_REQUEST, field, message);
    }

    /** @return the status to answer with */
    public HttpStatus status() {
        return status;
    }

    /** @return the request field at fault, or null */
    public String field() {
        return field;
    }
}
