package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.fasterxml.jackson.databind.JsonNode;

import no.pgx.cds.discovery.CdsService;
import no.pgx.cds.discovery.CdsServiceCatalog;
import no.pgx.cds.fhir.PrefetchUnavailableException;
import no.pgx.cds.support.Http;
import no.pgx.cds.support.SchemaCheck;
import no.pgx.cds.system.CdsProperties;
import no.pgx.cds.system.CdsRequestException;
import no.pgx.cds.system.Language;

/**
 * Web slice of the hook endpoint with the service mocked: JSON binding and output shape (Boot's Jackson 3 mapper),
 * and the mapping of every exception to a problem body and status.
 */
@WebMvcTest(HookController.class)
@Import(HookControllerTest.Slice.class)
class HookControllerTest {
    /** What the slice needs beyond the controller and the error handling. */
    @TestConfiguration
    @EnableConfigurationProperties(CdsProperties.class)
    @Import(Language.class)
    static class Slice {
    }

    private static final CdsService SIGN = new CdsServiceCatalog().find("pgx-order-sign").orElseThrow();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    HookService hooks;

    @MockitoBean
    HookMetrics metrics;

    @BeforeEach
    void service() {
        when(hooks.service("pgx-order-sign")).thenReturn(SIGN);
        when(hooks.service("nope")).thenThrow(new CdsRequestException(HttpStatus.NOT_FOUND, "id", "No CDS service with id 'nope'"));
    }

    private MvcTestResult post(String id, String body) {
        return mvc.post().uri("/cds-services/" + id).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static JsonNode json(MvcTestResult r) throws Exception {
        return Http.JSON.readTree(r.getResponse().getContentAsString());
    }

    @Test
    void emptyOptionalFieldsAreOmittedAndCardsIsAlwaysPresent() throws Exception {
        Card card = new Card("u1", "Summary", null, "info", new Source("CPIC", null, null), List.of(), null, List.of(), List.of());
        when(hooks.call(eq(SIGN), any(), anyString())).thenReturn(new HookResponse(List.of(card)));

        MvcTestResult r = post("pgx-order-sign", "{\"hook\":\"order-sign\"}");

        assertThat(r).hasStatusOk();
        JsonNode body = json(r);
        assertThat(SchemaCheck.RESPONSE.violations(body)).isEmpty();
        JsonNode c = body.get("cards").get(0);
        assertThat(c.has("detail")).isFalse();
        assertThat(c.has("suggestions")).isFalse();
        assertThat(c.has("selectionBehavior")).isFalse();
        assertThat(c.has("links")).isFalse();
        assertThat(c.get("source").has("url")).isFalse();

        when(hooks.call(eq(SIGN), any(), anyString())).thenReturn(new HookResponse(List.of()));
        assertThat(json(post("pgx-order-sign", "{}")).get("cards").isArray()).isTrue();
    }

    @Test
    void theLanguageComesFromAcceptLanguage() {
        when(hooks.call(eq(SIGN), any(), eq("en"))).thenReturn(new HookResponse(List.of()));

        MvcTestResult r = mvc.post().uri("/cds-services/pgx-order-sign").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en-GB,en;q=0.9").content("{}").exchange();

        assertThat(r).hasStatusOk();
    }

    @Test
    void malformedJsonIs400WithThePositionAndNoTrace() throws Exception {
        MvcTestResult r = post("pgx-order-sign", "{\"hook\": ");

        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(r).get("detail").asText()).contains("not valid JSON").contains("line 1");
        assertThat(SchemaCheck.PROBLEM.violations(json(r))).isEmpty();
    }

    @Test
    void unknownServiceIs404() throws Exception {
        MvcTestResult r = post("nope", "{}");

        assertThat(r).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(json(r).get("field").asText()).isEqualTo("id");
    }

    @Test
    void unavailablePrefetchIs412NamingTheKey() throws Exception {
        when(hooks.call(eq(SIGN), any(), anyString())).thenThrow(new PrefetchUnavailableException("pgxResults", "gone"));

        MvcTestResult r = post("pgx-order-sign", "{}");

        assertThat(r).hasStatus(HttpStatus.PRECONDITION_FAILED);
        assertThat(json(r).get("field").asText()).isEqualTo("prefetch.pgxResults");
    }

    @Test
    void aServiceFaultIs500WithoutItsMessage() throws Exception {
        when(hooks.call(eq(SIGN), any(), anyString())).thenThrow(new IllegalStateException("secret *2/*2 detail"));

        MvcTestResult r = post("pgx-order-sign", "{}");

        assertThat(r).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(r.getResponse().getContentAsString()).doesNotContain("secret").doesNotContain("IllegalState");
    }
}
