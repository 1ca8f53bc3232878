package no.pgx.cds.discovery;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /cds-services}: the discovery endpoint (CDS Hooks 2.0, "Discovery"). */
@RestController
public class DiscoveryController {
    private final CdsServiceCatalog catalog;

    public DiscoveryController(CdsServiceCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    DiscoveryResponse discovery() {
        return new DiscoveryResponse(catalog.all().stream().map(CdsService::descriptor).toList());
    }
}
