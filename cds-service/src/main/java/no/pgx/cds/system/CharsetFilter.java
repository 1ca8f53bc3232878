package no.pgx.cds.system;

import java.io.IOException;
import java.nio.charset.Charset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request whose {@code Content-Type} cannot be parsed, or names a charset the JVM does not know (for example an
 * empty {@code charset=}), is answered 415 on any path and method, before anything tries to decode it (the container
 * and Spring would otherwise fail with an internal error).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CharsetFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(CharsetFilter.class);
    static final String BODY = "{\"title\":\"Unsupported Media Type\",\"status\":415,"
            + "\"detail\":\"The Content-Type or its charset is not usable\"}";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getHeader("Content-Type");
        if (type != null && !usable(type)) {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                // The container already chose a status (e.g. 405 for TRACE): keep it, but never render the error
                // page, which would try to decode the request with that charset.
                Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
                int code = status instanceof Integer i && i >= 400 && i < 500 ? i : 400;
                ManagementAccess.write(response, code, "{\"title\":\"Request rejected\",\"status\":" + code + "}");
                return;
            }
            LOG.info("Rejected request: 415 (unusable Content-Type)");
            ManagementAccess.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, BODY);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static boolean usable(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String charset = type.getParameter("charset");
            return charset == null || Charset.isSupported(charset.replace("\"", ""));
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException, IllegalCharsetNameException
            return false;
        }
    }
}
