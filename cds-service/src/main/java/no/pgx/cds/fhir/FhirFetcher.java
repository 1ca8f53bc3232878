package no.pgx.cds.fhir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads from the CDS client's FHIR server with the bearer token the client passed in {@code fhirAuthorization}
 * (CDS Hooks 2.0, "FHIR Resource Access"). Bounded in every way a FHIR server could hold the service: each request
 * by the request timeout and by the call's deadline (headers and body, every page), the body by size, the pages by
 * number, and the number of calls fetching at once ({@code max-concurrent-fetches}: beyond it a call does not wait).
 * No redirects and {@code next} links only on the same server (the token must not travel elsewhere). An answer that
 * is not what was asked for (an OperationOutcome with 200, another resource type) is a failed fetch. Thread-safe.
 */
@Component
public class FhirFetcher {
    private final FhirProperties properties;
    private final JsonMapper json;
    private final HttpClient client;
    private final Semaphore fetching;

    public FhirFetcher(FhirProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.fetching = new Semaphore(Math.max(1, properties.maxConcurrentFetches()));
    }

    /** What a read or search must answer with. */
    record Expected(String type, boolean search, Set<String> alsoIncluded) {
    }

    /**
     * A permit to fetch for one hook call; {@link #close()} gives it back.
     */
    final class Permit implements AutoCloseable {
        private boolean open = true;

        @Override
        public void close() {
            if (open) {
                open = false;
                fetching.release();
            }
        }
    }

    /**
     * @return a permit, or null when {@code max-concurrent-fetches} calls are fetching already (no waiting)
     */
    Permit tryPermit() {
        return fetching.tryAcquire() ? new Permit() : null;
    }

    /**
     * Runs one read or search.
     *
     * @param server      the checked base URL (see {@link FhirServerPolicy})
     * @param bearerToken access token, or null to send none
     * @param relative    relative request such as {@code Observation?patient=123&code=...} (tokens already replaced)
     * @param expected    what the answer must be
     * @param deadline    {@link System#nanoTime()} by which everything must be read
     * @return the resource; for a search, one Bundle holding the entries of every page read
     * @throws FhirFetchException when the server cannot be reached in time, answers other than 2xx, sends too much, or
     *                            sends something other than what was asked for (message for the log only)
     */
    JsonNode fetch(FhirServerPolicy.Server server, String bearerToken, String relative, Expected expected,
            long deadline) throws FhirFetchException {
        String base = server.base();
        JsonNode first = get(base + "/" + relative, bearerToken, deadline);
        check(first, expected);
        if (!expected.search()) {
            return first;
        }
        ObjectNode bundle = first.deepCopy().asObject();
        ArrayNode entries = bundle.has("entry") && bundle.get("entry").isArray() ? (ArrayNode) bundle.get("entry")
                : bundle.putArray("entry");
        JsonNode page = first;
        for (int pages = 1; pages < properties.maxPages(); pages++) {
            String next = nextLink(page);
            if (next == null || !FhirServerPolicy.sameServer(server, next)) {
                break;
            }
            page = get(next, bearerToken, deadline);
            check(page, expected);
            page.path("entry").forEach(entries::add);
        }
        bundle.remove("link");
        return bundle;
    }

    private static void check(JsonNode node, Expected expected) throws FhirFetchException {
        String type = node.path("resourceType").stringValue(null);
        if ("OperationOutcome".equals(type)) {
            throw new FhirFetchException("FHIR server answered with an OperationOutcome");
        }
        if (!expected.search()) {
            if (!expected.type().equals(type)) {
                throw new FhirFetchException("FHIR server answered with " + type + " where " + expected.type()
                        + " was read");
            }
            return;
        }
        if (!"Bundle".equals(type)) {
            throw new FhirFetchException("FHIR server answered a search with " + type + " instead of a Bundle");
        }
        for (JsonNode entry : node.path("entry")) {
            String t = entry.path("resource").path("resourceType").stringValue(null);
            String mode = entry.path("search").path("mode").stringValue(null);
            boolean ok = expected.type().equals(t) || expected.alsoIncluded().contains(t)
                    || "OperationOutcome".equals(t) && "outcome".equals(mode);
            if (!ok) {
                throw new FhirFetchException("FHIR search for " + expected.type() + " returned " + t);
            }
        }
    }

    private JsonNode get(String url, String bearerToken, long deadline) throws FhirFetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new FhirFetchException("the call's FHIR deadline passed");
        }
        Duration timeout = Duration.ofNanos(Math.min(left, properties.requestTimeout().toNanos()));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(encode(url)))
                    .timeout(timeout)
                    .header("Accept", "application/fhir+json, application/json;q=0.9")
                    .GET();
        } catch (IllegalArgumentException e) {
            throw new FhirFetchException("invalid FHIR request URL");
        }
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        long max = properties.maxResponseBytes();
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request.build(),
                info -> info.statusCode() / 100 == 2 ? new Limited(max)
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            // The whole exchange, body included, within the timeout: a server that trickles its body is cut off.
            response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new FhirFetchException("FHIR request timed out");
        } catch (ExecutionException e) {
            throw new FhirFetchException(e.getCause() instanceof TooLarge ? "FHIR response larger than " + max
                    + " bytes" : "FHIR server not reachable or answer unreadable");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new FhirFetchException("interrupted while reading from the FHIR server");
        }
        if (response.statusCode() / 100 != 2) {
            throw new FhirFetchException("FHIR server answered HTTP " + response.statusCode());
        }
        try {
            JsonNode node = json.readTree(new String(response.body(), StandardCharsets.UTF_8));
            if (node == null || !node.isObject() || !node.path("resourceType").isString()) {
                throw new FhirFetchException("FHIR server did not answer with a FHIR JSON resource");
            }
            return node;
        } catch (JacksonException e) {
            throw new FhirFetchException("FHIR server answered with invalid JSON");
        }
    }

    /** The body exceeded the size limit. */
    private static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too large", null, false, false);
        }
    }

    /** Collects a body up to a size; beyond it, cancels the download and fails. */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Limited(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (buffer.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                buffer.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
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
