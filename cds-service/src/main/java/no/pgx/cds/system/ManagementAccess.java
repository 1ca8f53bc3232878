package no.pgx.cds.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may see what besides the CDS Hooks endpoints.
 * <ul>
 *   <li>Actuator on the service port: health and its probes are open (load balancers, orchestrators); every other
 *       endpoint (metrics show clinical activity volumes and details of the host) needs the operator's credentials,
 *       HTTP Basic with {@code pgx.management.username}/{@code pgx.management.password}. Without a password they are
 *       closed (401). Operators who prefer a separate management port bound to an internal interface set
 *       {@code management.server.port} and {@code management.server.address}: that port is not served by this
 *       filter and is protected by the network instead.</li>
 *   <li>{@code /error} is the container's internal error page: asked for directly it does not exist (404).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ManagementAccess {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementAccess.class);
    static final String UNAUTHORIZED = "{\"title\":\"Unauthorized\",\"status\":401}";
    static final String NOT_FOUND = "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such resource\"}";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> operatorAccess(
            @Value("${pgx.management.username:operator}") String username,
            @Value("${pgx.management.password:}") String password) {
        if (password.isBlank()) {
            LOG.info("Actuator endpoints other than health are closed on the service port "
                    + "(set pgx.management.password, or a separate management.server.port)");
        }
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(
                new OperatorFilter(password.isBlank() ? null : expected(username, password)));
        r.addUrlPatterns("/actuator", "/actuator/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return r;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> noDirectErrorPage() {
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws IOException {
                write(response, HttpServletResponse.SC_NOT_FOUND, NOT_FOUND);
            }
        });
        r.addUrlPatterns("/error", "/error/*");
        // Only requests from outside: the container's own error dispatches still reach the error page.
        r.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return r;
    }

    private static byte[] expected(String username, String password) {
        return ("Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
    }

    static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(body);
    }

    /** Health open, everything else behind the operator's credentials. */
    private static final class OperatorFilter extends OncePerRequestFilter {
        private final byte[] expected;

        OperatorFilter(byte[] expected) {
            this.expected = expected;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
                chain.doFilter(request, response);
                return;
            }
            String given = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (expected != null && given != null
                    && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"pgx-operator\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED);
        }
    }
}
