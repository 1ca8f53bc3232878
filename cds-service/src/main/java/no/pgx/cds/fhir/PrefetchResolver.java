package no.pgx.cds.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import no.pgx.cds.discovery.CdsService;
import no.pgx.cds.discovery.CdsServiceCatalog;
import no.pgx.cds.discovery.PrefetchTemplate;
import no.pgx.cds.hooks.HookRequest;
import no.pgx.cds.system.CdsRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Applies the CDS Hooks 2.0 prefetch rules to one call:
 * <ul>
 *   <li>a key present with a resource: use it;</li>
 *   <li>a key present with {@code null}: the client has no such data;</li>
 *   <li>a key absent (or an OperationOutcome: the client failed to prefetch it): fetch it from {@code fhirServer}
 *       with the {@code fhirAuthorization} token; when that is impossible a required key gives 412.</li>
 * </ul>
 * Thread-safe.
 */
@Component
public class PrefetchResolver {
    private static final Logger LOG = LoggerFactory.getLogger(PrefetchResolver.class);
    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

    private static final Set<String> MEDICATION = Set.of("Medication");
    /** Reports whose results a lab sends contained in them, or that list the Observations found. */
    private static final Set<String> REPORTS = Set.of("DiagnosticReport");

    private final FhirFetcher fetcher;
    private final FhirServerPolicy policy;
    private final FhirProperties properties;

    public PrefetchResolver(FhirFetcher fetcher, FhirServerPolicy policy, FhirProperties properties) {
        this.fetcher = fetcher;
        this.policy = policy;
        this.properties = properties;
    }

    /**
     * @param service the service called
     * @param request the hook request (context already validated)
     * @return the data for every template of the service
     * @throws PrefetchUnavailableException when required data cannot be had (412)
     * @throws CdsRequestException          when a prefetch value is not a FHIR resource of the template's type, or
     *                                      null (400)
     */
    public ResolvedPrefetch resolve(CdsService service, HookRequest request) {
        Map<String, JsonNode> data = new LinkedHashMap<>();
        Map<String, PgxResults> results = new LinkedHashMap<>(2);
        Prefetch prefetch = request.prefetch();
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            throw CdsRequestException.badRequest("prefetch", "prefetch must be a JSON object");
        }
        boolean none = prefetch == null || prefetch.isNull();
        Fetching fetching = new Fetching(request, System.nanoTime() + properties.callTimeout().toNanos());
        try {
            for (PrefetchTemplate template : service.prefetch()) {
                String key = template.key();
                PgxResults sent = none ? null : prefetch.results(key);
                JsonNode value = none ? null : prefetch.tree(key);
                if (sent != null && !"OperationOutcome".equals(sent.resourceType())) {
                    checkSent(template, sent);
                    data.put(key, null);
                    results.put(key, sent);
                } else if (sent == null && value != null && value.isNull()) {
                    data.put(key, null);
                } else if (sent == null && value != null && !isOperationOutcome(value)) {
                    checkSent(template, value);
                    data.put(key, value);
                } else {
                    JsonNode fetched = fetching.fetch(template);
                    if (fetched != null && CdsServiceCatalog.PGX_RESULTS.equals(key)) {
                        // Read like sent results, so that the request path has one form of them.
                        data.put(key, null);
                        results.put(key, PgxResults.of(fetched));
                    } else {
                        data.put(key, fetched);
                    }
                }
            }
        } finally {
            fetching.close();
        }
        return new ResolvedPrefetch(data, results);
    }

    /**
     * What a template's read or search answers with: its resource type, with Medications beside medication lists and
     * DiagnosticReports beside Observations (their contained results are read, the results they list are checked).
     */
    static FhirFetcher.Expected expected(PrefetchTemplate template) {
        String q = template.query();
        int cut = q.indexOf('?');
        boolean search = cut >= 0;
        String type = (search ? q.substring(0, cut) : q).split("/")[0];
        return new FhirFetcher.Expected(type, search,
                type.startsWith("Medication") ? MEDICATION : "Observation".equals(type) ? REPORTS : Set.of());
    }

    /** A prefetched value must be what the template asks for; else the key is named (400). */
    private static void checkSent(PrefetchTemplate template, JsonNode value) {
        boolean resource = value.isObject() && value.path("resourceType").isString();
        List<String> types = new ArrayList<>();
        if (resource && "Bundle".equals(value.path("resourceType").stringValue(null))) {
            for (JsonNode entry : ResolvedPrefetch.entries(value)) {
                String t = entry.path("resource").path("resourceType").stringValue(null);
                if (t != null) {
                    types.add(t);
                }
            }
        }
        checkSent(template, resource ? value.path("resourceType").stringValue(null) : null, types);
    }

    /** The same for results read as text. */
    private static void checkSent(PrefetchTemplate template, PgxResults value) {
        String type = value.isObject() ? value.resourceType() : null;
        checkSent(template, type, "Bundle".equals(type) ? value.entryTypes() : List.of());
    }

    /**
     * @param type       the value's resourceType; null when the value is not an object or has no string resourceType
     * @param entryTypes a Bundle's entries' resource types, in order
     */
    private static void checkSent(PrefetchTemplate template, String type, List<String> entryTypes) {
        String at = "prefetch." + template.key();
        if (type == null) {
            throw CdsRequestException.badRequest(at, at + " must be a FHIR resource or null");
        }
        FhirFetcher.Expected expected = expected(template);
        if (type.equals(expected.type())) {
            return;
        }
        if (!expected.search() || !"Bundle".equals(type)) {
            throw CdsRequestException.badRequest(at, at + " must be " + (expected.search()
                    ? "a Bundle of " + expected.type() + " resources" : "a " + expected.type() + " resource"));
        }
        for (String t : entryTypes) {
            if (!t.equals(expected.type()) && !expected.alsoIncluded().contains(t) && !"OperationOutcome".equals(t)) {
                throw CdsRequestException.badRequest(at, at + " must be a Bundle of " + expected.type()
                        + " resources; it holds " + t);
            }
        }
    }

    /** The FHIR fetches of one call: one deadline, one concurrency permit taken on first use. */
    private final class Fetching implements AutoCloseable {
        private final HookRequest request;
        private final long deadline;
        private FhirFetcher.Permit permit;
        private boolean refused;

        Fetching(HookRequest request, long deadline) {
            this.request = request;
            this.deadline = deadline;
        }

        JsonNode fetch(PrefetchTemplate template) {
            String why;
            try {
                return fetcher.fetch(server(), token(), relative(template), expected(template), deadline);
            } catch (FhirFetchException e) {
                why = e.getMessage();
            }
            if (template.required()) {
                // Why is logged, never told: the caller must not learn how a host answers (refused, timeout, 403 …).
                LOG.info("Prefetch '{}' unavailable: {}", template.key(), why);
                throw new PrefetchUnavailableException(template.key(),
                        "Prefetch '" + template.key() + "' was not sent and could not be fetched");
            }
            LOG.info("Optional prefetch '{}' skipped: {}", template.key(), why);
            return null;
        }

        private FhirServerPolicy.Server server() throws FhirFetchException {
            String server = request.fhirServer();
            if (server == null || server.isBlank()) {
                throw new FhirFetchException("no fhirServer was given");
            }
            FhirServerPolicy.Server checked = policy.check(server);
            if (permit == null) {
                permit = refused ? null : fetcher.tryPermit();
                if (permit == null) {
                    refused = true;
                    throw new FhirFetchException("too many calls are fetching from FHIR servers");
                }
            }
            return checked;
        }

        private String token() {
            return request.fhirAuthorization() == null ? null : request.fhirAuthorization().accessToken();
        }

        private String relative(PrefetchTemplate template) throws FhirFetchException {
            String relative = fill(template.query(), request.context());
            if (relative == null) {
                throw new FhirFetchException("the template needs a context field the call does not have");
            }
            return relative;
        }

        @Override
        public void close() {
            if (permit != null) {
                permit.close();
            }
        }
    }

    /**
     * Replaces the prefetch tokens of a template with URL-encoded context values.
     *
     * @return the relative request, or null when a token has no primitive value in the context
     */
    static String fill(String template, JsonNode context) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = tokenValue(m.group(1), context);
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String tokenValue(String token, JsonNode context) {
        if (context == null) {
            return null;
        }
        if (token.startsWith("context.")) {
            JsonNode v = context.get(token.substring("context.".length()));
            return v != null && (v.isString() || v.isNumber()) ? v.asString() : null;
        }
        String userId = context.path("userId").stringValue(null);
        String type = switch (token) {
            case "userPractitionerId" -> "Practitioner";
            case "userPractitionerRoleId" -> "PractitionerRole";
            case "userPatientId" -> "Patient";
            case "userRelatedPersonId" -> "RelatedPerson";
            default -> null;
        };
        if (type == null || userId == null || !userId.startsWith(type + "/")) {
            return null;
        }
        return userId.substring(type.length() + 1);
    }

    private static boolean isOperationOutcome(JsonNode value) {
        return value.isObject() && "OperationOutcome".equals(value.path("resourceType").stringValue(null));
    }
}
