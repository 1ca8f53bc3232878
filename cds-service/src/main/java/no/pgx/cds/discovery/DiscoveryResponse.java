package no.pgx.cds.discovery;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The discovery response: {@code {"services": [...]}} (always present, possibly empty). Immutable.
 *
 * @param services the CDS Services this server hosts
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DiscoveryResponse(List<ServiceDescriptor> services) {
    public DiscoveryResponse {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
