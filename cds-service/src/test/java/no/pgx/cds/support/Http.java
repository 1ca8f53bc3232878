package no.pgx.cds.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for the IT tests (real HTTP to the running service). Every answer is checked against the
 * schemas: discovery answers against the discovery schema, hook answers against the response schema, every error
 * against the problem schema, and no body may ever contain a stack trace.
 */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Http(int port) {
        this("http://localhost:" + port);
    }

    public Http(String base) {
        this.base = base;
    }

    /** @return a copy that sends one more header on every request */
    public Http with(String name, String value) {
        Http h = new Http(base);
        h.headers.putAll(headers);
        h.headers.put(name, value);
        return h;
    }

    public String base() {
        return base;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path, "GET");
    }

    public Response post(String path, Object body) {
        String text = body instanceof String s ? s : write(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)), path, "POST");
    }

    public Response postRaw(String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b, path, "POST");
    }

    private Response send(HttpRequest.Builder builder, String path, String method) {
        headers.forEach(builder::header);
        builder.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Response response = new Response(r.statusCode(), r.body(), r);
            check(response, path, method);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(Response r, String path, String method) {
        assertThat(r.body()).as("no stack trace in any answer").doesNotContain("\tat ").doesNotContain("Exception:");
        if (r.status() >= 400 && !r.body().isBlank()) {
            assertThat(SchemaCheck.PROBLEM.violations(r.json())).as("problem body of %s %s: %s", method, path, r.body())
                    .isEmpty();
        } else if (r.status() == 200 && "GET".equals(method) && path.equals("/cds-services")) {
            assertThat(SchemaCheck.DISCOVERY.violations(r.json())).as("discovery schema").isEmpty();
        } else if (r.status() == 200 && "POST".equals(method) && path.matches("/cds-services/[^/]+")) {
            assertThat(SchemaCheck.RESPONSE.violations(r.json())).as("CDS Hooks response schema: %s", r.body()).isEmpty();
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
