package no.pgx.cds.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for browser-based CDS clients (CDS Hooks 2.0, "Cross-Origin Resource Sharing"). Off unless
 * {@code pgx.cors.allowed-origins} lists origins. The filter runs before the JWT check so that pre-flight requests,
 * which carry no token, are answered.
 */
@Configuration(proxyBeanMethods = false)
public class CorsConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CorsConfiguration.class);

    /** Order of the CORS filter: right after the request-id filter, before the security filter. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(CdsProperties properties) {
        List<String> origins = properties.cors().allowedOrigins();
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                    RequestIdFilter.HEADER));
            cors.setExposedHeaders(List.of(RequestIdFilter.HEADER));
            cors.setMaxAge(properties.cors().maxAgeSeconds());
            source.registerCorsConfiguration("/cds-services/**", cors);
            source.registerCorsConfiguration("/knowledge", cors);
            LOG.info("CORS enabled for {} origin(s)", origins.size());
        }
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/cds-services", "/cds-services/*", "/knowledge");
        return registration;
    }
}
