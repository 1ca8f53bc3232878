package no.pgx.cds.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import no.pgx.cds.system.CorsConfiguration;

/**
 * Registers the JWT check on {@code /cds-services}, {@code /cds-services/*} and {@code /knowledge} (actuator health
 * stays open).
 * With {@code pgx.security.enabled=false} nothing is checked and a WARN says so at start-up.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> jwtFilter(SecurityProperties properties) {
        OncePerRequestFilter filter;
        if (properties.enabled()) {
            TrustedIssuers issuers = TrustedIssuers.of(properties.issuers());
            if (issuers.size() == 0) {
                LOG.warn("pgx.security.enabled=true but no trusted issuer is configured "
                        + "(pgx.security.issuers[0].iss / jwks-url / jwks-file): every CDS Hooks call will get 401");
            } else {
                LOG.info("CDS client JWT check on: {} trusted issuer(s), algorithms {}", issuers.size(),
                        properties.algorithms());
            }
            filter = new JwtAuthenticationFilter(new ClientTokenVerifier(issuers, properties),
                    properties.audienceBaseUrl(), Clock.systemUTC());
        } else {
            LOG.warn("SECURITY IS OFF (pgx.security.enabled=false): CDS Hooks calls are accepted without a client "
                    + "JWT. Use this only for local trials, never with real patient data.");
            filter = new PassThrough();
        }
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/cds-services", "/cds-services/*", "/knowledge");
        registration.setOrder(CorsConfiguration.ORDER + 10);
        return registration;
    }

    /** The filter used when security is off. */
    private static final class PassThrough extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
        }
    }
}
