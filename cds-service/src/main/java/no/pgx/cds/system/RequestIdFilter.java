package no.pgx.cds.system;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id for the logs ({@code requestId} in the MDC) and echoes it in {@code X-Request-Id}.
 * The id is the caller's {@code X-Request-Id} when it is a plain token, else a new UUID; hook calls replace it with the
 * {@code hookInstance} once the body is read (see {@link #useHookInstance(String)}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {
    /** MDC key of the request id. */
    public static final String MDC_KEY = "requestId";
    /** Request/response header carrying the id. */
    public static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The id is kept on the request: a call whose body is read asynchronously is dispatched again on another
        // thread (see RequestBodyReader), and keeps its id there.
        Object kept = request.getAttribute(ATTRIBUTE);
        String id;
        if (kept instanceof String k) {
            id = k;
        } else {
            String given = request.getHeader(HEADER);
            id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
        }
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /**
     * Uses the CDS Hooks {@code hookInstance} as request id from here on, when it is a plain token (a UUID by the
     * spec); anything else is ignored so that the logs cannot be polluted through it.
     *
     * @param hookInstance the hook instance from the request body, or null
     */
    public static void useHookInstance(String hookInstance) {
        if (hookInstance != null && SAFE.matcher(hookInstance).matches()) {
            MDC.put(MDC_KEY, hookInstance);
        }
    }
}
