package no.pgx.cds.system;

import java.util.EnumSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.DispatcherType;

/**
 * Registers {@link RequestBodyReader} on the CDS Hooks endpoints, after the JWT check (a caller without a valid token
 * never gets a body read), for the request and its asynchronous re-dispatch.
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodyConfiguration {
    /** After CORS ({@link CorsConfiguration#ORDER}) and the JWT check ({@code ORDER + 10}). */
    public static final int ORDER = CorsConfiguration.ORDER + 20;

    @Bean
    FilterRegistrationBean<RequestBodyReader> requestBodyReader(
            @Value("${pgx.request-body-timeout:10s}") java.time.Duration timeout,
            @Value("${pgx.max-request-size:10MB}") DataSize max) {
        FilterRegistrationBean<RequestBodyReader> r = new FilterRegistrationBean<>(
                new RequestBodyReader(timeout.toMillis(), max.toBytes()));
        r.addUrlPatterns("/cds-services/*");
        r.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        r.setAsyncSupported(true);
        r.setOrder(ORDER);
        return r;
    }
}
