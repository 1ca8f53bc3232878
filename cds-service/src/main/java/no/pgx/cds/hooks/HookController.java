package no.pgx.cds.hooks;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import no.pgx.cds.discovery.CdsService;
import no.pgx.cds.fhir.PrefetchUnavailableException;
import no.pgx.cds.system.CdsRequestException;
import no.pgx.cds.system.Language;

/** {@code POST /cds-services/{id}}: calls one CDS Service (CDS Hooks 2.0, "Calling a CDS Service"). */
@RestController
public class HookController {
    private final HookService hooks;
    private final Language language;
    private final HookMetrics metrics;

    public HookController(HookService hooks, Language language, HookMetrics metrics) {
        this.hooks = hooks;
        this.language = language;
        this.metrics = metrics;
    }

    @PostMapping(path = "/cds-services/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    HookResponse call(@PathVariable("id") String id, @RequestBody(required = false) HookRequest request,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        CdsService service = hooks.service(id);
        long start = System.nanoTime();
        HookMetrics.Outcome outcome = HookMetrics.Outcome.ERROR;
        List<Card> cards = List.of();
        try {
            HookResponse response = hooks.call(service, request, language.resolve(acceptLanguage));
            outcome = HookMetrics.Outcome.OK;
            cards = response.cards();
            return response;
        } catch (CdsRequestException e) {
            outcome = HookMetrics.Outcome.CLIENT_ERROR;
            throw e;
        } catch (PrefetchUnavailableException e) {
            outcome = HookMetrics.Outcome.PRECONDITION_FAILED;
            throw e;
        } finally {
            metrics.record(service.id(), service.hook(), outcome, System.nanoTime() - start, cards);
        }
    }
}
