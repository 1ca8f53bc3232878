package no.pgx.cds.security;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires a valid CDS client JWT ({@code Authorization: Bearer <jwt>}) on every {@code /cds-services} call:
 * discovery, service calls and feedback; and on {@code GET /knowledge}. A missing or invalid token gets 401 with {@code WWW-Authenticate: Bearer}
 * and no detail; the reason is logged (without the token). CORS pre-flight requests pass (they carry no token).
 */
final class JwtAuthenticationFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticationFilter.class);
    private static final Pattern BEARER = Pattern.compile("(?i)^Bearer\\s+([A-Za-z0-9._~+/=-]+)\\s*$");
    private static final Pattern FEEDBACK = Pattern.compile("^(.*/cds-services/[^/]+)/feedback$");
    private static final String BODY = "{\"title\":\"Unauthorized\",\"status\":401}";
    /**
     * Longest Authorization header looked at. Real client JWTs are well under 2 KB; Tomcat takes headers up to
     * {@code server.max-http-request-header-size} (128KB here) so that an oversized token still gets this 401.
     */
    static final int MAX_HEADER = 16 * 1024;

    private final ClientTokenVerifier verifier;
    private final String audienceBaseUrl;
    private final Clock clock;

    JwtAuthenticationFilter(ClientTokenVerifier verifier, String audienceBaseUrl, Clock clock) {
        this.verifier = verifier;
        this.audienceBaseUrl = ClientTokenVerifier.trimSlash(audienceBaseUrl == null ? "" : audienceBaseUrl.trim());
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CorsUtils.isPreFlightRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Matcher m = header == null || header.length() > MAX_HEADER ? null : BEARER.matcher(header);
        String reason = header != null && header.length() > MAX_HEADER ? "token longer than " + MAX_HEADER + " characters"
                : m == null || !m.matches() ? "no bearer token"
                : verifier.verify(m.group(1), audiences(request), clock.instant());
        if (reason != null) {
            LOG.info("Client JWT rejected: {}", reason);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(BODY);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The endpoint URL being invoked (CDS Hooks 2.0: {@code aud} is the URL of the endpoint called). For the
     * feedback endpoint the service URL is accepted too, since clients differ there.
     */
    private Set<String> audiences(HttpServletRequest request) {
        String base = audienceBaseUrl.isEmpty() ? requestBase(request) : audienceBaseUrl;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Set<String> out = new LinkedHashSet<>();
        String endpoint = ClientTokenVerifier.trimSlash(base + request.getContextPath() + path);
        out.add(endpoint);
        Matcher feedback = FEEDBACK.matcher(endpoint);
        if (feedback.matches()) {
            out.add(feedback.group(1));
        }
        return out;
    }

    private static String requestBase(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
