package no.pgx.cds.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads from the CDS client's FHIR server with the bearer token the client passed in {@code fhirAuthorization}
 * (CDS Hooks 2.0, "FHIR Resource Access"). Bounded: connect and request timeouts, a maximum body size, a maximum
 * number of search pages, no redirects (the token must not travel to another host), and {@code next} links only on
 * the same server. Thread-safe.
 */
@Component
public class FhirFetcher {
    private final FhirProperties properties;
    private final JsonMapper json;
    private final HttpClient client;

    public FhirFetcher(FhirProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Runs one read or search.
     *
     * @param fhirServer  base URL of the FHIR server; not null
     * @param bearerToken access token, or null to send none
     * @param relative    relative request such as {@code Observation?patient=123&code=...} (tokens already replaced)
     * @return the resource; for a search, one Bundle holding the entries of every page read
     * @throws FhirFetchException when the server cannot be reached, answers other than 2xx, sends too much, or
     *                            sends something that is not a FHIR JSON resource
     */
    public JsonNode fetch(String fhirServer, String bearerToken, String relative) throws FhirFetchException {
        String base = fhirServer.endsWith("/") ? fhirServer.substring(0, fhirServer.length() - 1) : fhirServer;
        JsonNode first = get(base + "/" + relative, bearerToken);
        if (!"Bundle".equals(first.path("resourceType").stringValue(null))) {
            return first;
        }
        ObjectNode bundle = first.deepCopy().asObject();
        ArrayNode entries = bundle.has("entry") && bundle.get("entry").isArray() ? (ArrayNode) bundle.get("entry")
                : bundle.putArray("entry");
        JsonNode page = first;
        for (int pages = 1; pages < properties.maxPages(); pages++) {
            String next = nextLink(page);
            if (next == null || !next.startsWith(base + "/") && !next.startsWith(base + "?")) {
                break;
            }
            page = get(next, bearerToken);
            page.path("entry").forEach(entries::add);
        }
        bundle.remove("link");
        return bundle;
    }

    private JsonNode get(String url, String bearerToken) throws FhirFetchException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(encode(url)))
                    .timeout(properties.requestTimeout())
                    .header("Accept", "application/fhir+json, application/json;q=0.9")
                    .GET();
        } catch (IllegalArgumentException e) {
            throw new FhirFetchException("invalid FHIR request URL");
        }
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FhirFetchException("FHIR server not reachable (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FhirFetchException("interrupted while reading from the FHIR server", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new FhirFetchException("FHIR server answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxResponseBytes() + 1));
            if (bytes.length > properties.maxResponseBytes()) {
                throw new FhirFetchException("FHIR response larger than " + properties.maxResponseBytes() + " bytes");
            }
            JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node == null || !node.isObject() || !node.path("resourceType").isString()) {
                throw new FhirFetchException("FHIR server did not answer with a FHIR JSON resource");
            }
            return node;
        } catch (IOException e) {
            throw new FhirFetchException("reading the FHIR response failed (" + describe(e) + ")", e);
        } catch (JacksonException e) {
            throw new FhirFetchException("FHIR server answered with invalid JSON");
        }
    }

    /** A short cause for messages, without class names or addresses. */
    private static String describe(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return "I/O error";
    }

    private static String nextLink(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").stringValue(null))) {
                return link.path("url").stringValue(null);
            }
        }
        return null;
    }

    /**
     * Percent-encodes the characters a URI may not contain (FHIR token searches use {@code |}); characters that are
     * legal in a URI, and existing escapes, are kept.
     */
    static String encode(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
