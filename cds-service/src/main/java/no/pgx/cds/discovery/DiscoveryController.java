package no.pgx.cds.discovery;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /cds-services}: the discovery endpoint (CDS Hooks 2.0, "Discovery"), each service with the
 * {@link DiscoveryExtensions} (knowledge version and sources, card codes).
 */
@RestController
public class DiscoveryController {
    private final DiscoveryResponse response;

    public DiscoveryController(CdsServiceCatalog catalog, DiscoveryExtensions extensions) {
        this.response = new DiscoveryResponse(catalog.all().stream().map(s -> s.descriptor(extensions.extension()))
                .toList());
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    DiscoveryResponse discovery() {
        return response;
    }
}
