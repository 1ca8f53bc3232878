package no.pgx.cds.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import no.pgx.cds.discovery.CdsService;
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

    private final FhirFetcher fetcher;
    private final FhirProperties properties;

    public PrefetchResolver(FhirFetcher fetcher, FhirProperties properties) {
        this.fetcher = fetcher;
        this.properties = properties;
    }

    /**
     * @param service the service called
     * @param request the hook request (context already validated)
     * @return the data for every template of the service
     * @throws PrefetchUnavailableException when required data cannot be had (412)
     * @throws CdsRequestException          when a prefetch value is not a FHIR resource or null (400)
     */
    public ResolvedPrefetch resolve(CdsService service, HookRequest request) {
        Map<String, JsonNode> data = new LinkedHashMap<>();
        JsonNode prefetch = request.prefetch();
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            throw CdsRequestException.badRequest("prefetch", "prefetch must be a JSON object");
        }
        for (PrefetchTemplate template : service.prefetch()) {
            JsonNode value = prefetch == null || prefetch.isNull() ? null : prefetch.get(template.key());
            if (value != null && value.isNull()) {
                data.put(template.key(), null);
            } else if (value != null && !isOperationOutcome(value)) {
                if (!value.isObject() || !value.path("resourceType").isString()) {
                    throw CdsRequestException.badRequest("prefetch." + template.key(),
                            "prefetch." + template.key() + " must be a FHIR resource or null");
                }
                data.put(template.key(), value);
            } else {
                data.put(template.key(), fetch(template, request));
            }
        }
        return new ResolvedPrefetch(data);
    }

    private JsonNode fetch(PrefetchTemplate template, HookRequest request) {
        String server = request.fhirServer();
        String why;
        if (server == null || server.isBlank()) {
            why = "no fhirServer was given";
        } else if (!allowed(server)) {
            why = "fhirServer is not allowed by this service's configuration";
        } else {
            String relative = fill(template.query(), request.context());
            if (relative == null) {
                why = "the template needs a context field the call does not have";
            } else {
                String token = request.fhirAuthorization() == null ? null : request.fhirAuthorization().accessToken();
                try {
                    return fetcher.fetch(server, token, relative);
                } catch (FhirFetchException e) {
                    why = e.getMessage();
                }
            }
        }
        if (template.required()) {
            LOG.info("Prefetch '{}' unavailable: {}", template.key(), why);
            throw new PrefetchUnavailableException(template.key(),
                    "Prefetch '" + template.key() + "' was not sent and could not be fetched: " + why);
        }
        LOG.info("Optional prefetch '{}' skipped: {}", template.key(), why);
        return null;
    }

    private boolean allowed(String server) {
        String s = server.trim();
        if (!s.startsWith("https://") && !(s.startsWith("http://") && !properties.requireHttps())) {
            return false;
        }
        return properties.allowedServers().isEmpty() || properties.allowedServers().stream().anyMatch(s::startsWith);
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
