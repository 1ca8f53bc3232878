package no.pgx.cds.system;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import no.pgx.cds.feedback.StoreUnavailableException;
import no.pgx.cds.fhir.PrefetchUnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every error into an RFC 9457 problem body ({@code application/problem+json}) with a message that names the
 * field at fault. Client mistakes get 4xx; only a genuine fault of the service gets 500, and then without detail.
 * Stack traces never leave the service; messages never contain request values (they may be patient data).
 */
@RestControllerAdvice
public class ErrorHandling extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    /** A client mistake detected by the service. */
    @ExceptionHandler(CdsRequestException.class)
    ResponseEntity<ProblemDetail> onCdsRequest(CdsRequestException e) {
        LOG.info("Rejected request: {} ({})", e.status().value(), e.getMessage());
        return ResponseEntity.status(e.status()).body(problem(e.status(), e.getMessage(), e.field()));
    }

    /** Required prefetch data neither sent nor obtainable: 412 (CDS Hooks 2.0, "HTTP Status Codes"). */
    @ExceptionHandler(PrefetchUnavailableException.class)
    ResponseEntity<ProblemDetail> onPrefetchUnavailable(PrefetchUnavailableException e) {
        HttpStatus status = HttpStatus.PRECONDITION_FAILED;
        return ResponseEntity.status(status).body(problem(status, e.getMessage(), "prefetch." + e.key()));
    }

    /** The store could not commit in time: 503, so that the client may retry (nothing unacknowledged is kept). */
    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> onStoreUnavailable(StoreUnavailableException e) {
        LOG.error("Store unavailable: {}", e.getMessage());
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(status, "The service cannot store its records at present; try again", null));
    }

    /**
     * Anything unexpected: a 500 without detail. The log gets the exception classes and where they were thrown, but
     * not their messages: library messages name the offending value, which may be a genotype.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        LOG.error("Internal error: {}", where(e));
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(problem(status, "Internal error; see the service log", null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        String message = "The request body is missing or is not valid JSON";
        JacksonException jackson = find(ex, JacksonException.class);
        if (jackson != null) {
            field = path(jackson);
            TokenStreamLocation at = jackson.getLocation();
            String where = at == null || at == TokenStreamLocation.NA || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            if (jackson instanceof StreamReadException) {
                message = "The request body is not valid JSON" + where;
            } else if (field != null) {
                message = "Field '" + field + "' has the wrong JSON type" + where;
            } else {
                message = "The request body does not have the expected JSON structure" + where;
            }
        }
        LOG.info("Rejected request: 400 ({})", message);
        return ResponseEntity.badRequest().headers(headers).body(problem(HttpStatus.BAD_REQUEST, message, field));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Spring's own 4xx (405, 406, 415, 404 for unmapped paths …): keep its status, use our body shape.
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String reason = status == null ? "Request rejected" : status.getReasonPhrase();
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : reason;
        LOG.info("Rejected request: {} ({})", statusCode.value(), ex.getClass().getSimpleName());
        return ResponseEntity.status(statusCode).headers(headers)
                .body(problem(status == null ? HttpStatus.BAD_REQUEST : status, detail, null));
    }

    /**
     * Builds the problem body.
     *
     * @param status  HTTP status
     * @param message specific, patient-data-free message
     * @param field   request field at fault, or null
     * @return the body
     */
    public static ProblemDetail problem(HttpStatus status, String message, String field) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, message);
        pd.setTitle(status.getReasonPhrase());
        if (field != null && !field.isBlank()) {
            pd.setProperty("field", field);
        }
        return pd;
    }

    /** Exception classes of the cause chain with their top frames, without messages. */
    static String where(Throwable e) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 5; t = t.getCause() == t ? null : t.getCause(), depth++) {
            out.append(depth == 0 ? "" : " <- caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(4, frames.length); i++) {
                out.append(i == 0 ? " at " : ", ").append(frames[i]);
            }
        }
        return out.toString();
    }

    private static String path(JacksonException e) {
        List<JacksonException.Reference> refs = e.getPath();
        if (refs == null || refs.isEmpty()) {
            return null;
        }
        String p = refs.stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return p.startsWith(".") ? p.substring(1) : p;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
