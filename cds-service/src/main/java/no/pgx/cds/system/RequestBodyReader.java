package no.pgx.cds.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the body of every {@code POST} to the CDS Hooks endpoints before any request thread works on it: the body is
 * read with the container's non-blocking I/O (a thread is used only while bytes are there to read), within
 * {@code pgx.request-body-timeout} and {@code pgx.max-request-size}; then the request is dispatched again with the
 * body in memory. A client sending one byte a second therefore holds no thread, and its call ends with 408 at the
 * timeout, so that slow clients can never starve the service (health and other calls keep answering).
 *
 * <p>Also checks the content type first: only JSON ({@code application/json} or {@code application/*+json}) is a
 * CDS Hooks body; anything else (wildcards, forms, text) gets 415 before the body is read.
 */
final class RequestBodyReader extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodyReader.class);
    private static final String BODY = RequestBodyReader.class.getName() + ".body";
    static final String UNSUPPORTED = "{\"title\":\"Unsupported Media Type\",\"status\":415,"
            + "\"detail\":\"The request body must be JSON (Content-Type: application/json)\"}";
    static final String TIMEOUT = "{\"title\":\"Request Timeout\",\"status\":408,"
            + "\"detail\":\"The request body did not arrive in time\"}";
    static final String UNREADABLE = "{\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"The request body could not be read\"}";
    static final String TOO_LARGE = "{\"title\":\"Content Too Large\",\"status\":413,"
            + "\"detail\":\"The request body is larger than this service accepts\"}";

    private final long timeoutMillis;
    private final long maxBytes;

    RequestBodyReader(long timeoutMillis, long maxBytes) {
        this.timeoutMillis = timeoutMillis;
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            Object body = request.getAttribute(BODY);
            if (body instanceof byte[] b) {
                CurrentBody.set(b);
                try {
                    chain.doFilter(new Buffered(request, b), response);
                } finally {
                    CurrentBody.clear();
                }
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!isJson(request.getContentType())) {
            LOG.info("Rejected request: 415 (content type is not JSON)");
            ManagementAccess.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED);
            return;
        }
        if (!request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeoutMillis);
        Reading reading = new Reading(async, request.getInputStream(), maxBytes);
        async.addListener(reading);
        request.getInputStream().setReadListener(reading);
    }

    /** JSON media types only; a missing, malformed or wildcard type is not JSON. */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Collects the body as it arrives; ends once: dispatched, or answered 408/413. */
    private static final class Reading implements ReadListener, AsyncListener {
        private final AsyncContext async;
        private final ServletInputStream in;
        private final long max;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean ended = new AtomicBoolean();

        Reading(AsyncContext async, ServletInputStream in, long max) {
            this.async = async;
            this.in = in;
            this.max = max;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!ended.get() && in.isReady() && !in.isFinished()) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                if (body.size() + (long) n > max) {
                    answer(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE);
                    return;
                }
                body.write(buffer, 0, n);
            }
        }

        @Override
        public void onAllDataRead() {
            if (ended.compareAndSet(false, true)) {
                async.getRequest().setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable t) {
            // A client that half-closes after a chunked body can make the container report the end of input as an
            // error: a body read to its end is still a request to answer. Anything else gets a 400, never silence.
            if (in.isFinished()) {
                onAllDataRead();
                return;
            }
            try {
                answer(HttpServletResponse.SC_BAD_REQUEST, UNREADABLE);
            } catch (IOException | RuntimeException e) {
                if (ended.compareAndSet(false, true)) {
                    async.complete();
                }
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            LOG.info("Rejected request: 408 (body not received in time)");
            answer(HttpServletResponse.SC_REQUEST_TIMEOUT, TIMEOUT);
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
            ended.set(true);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        private void answer(int status, String problem) throws IOException {
            if (ended.compareAndSet(false, true)) {
                HttpServletResponse response = (HttpServletResponse) async.getResponse();
                response.setHeader("Connection", "close");
                ManagementAccess.write(response, status, problem);
                async.complete();
            }
        }
    }

    /** The request with its body already in memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }
    }
}
