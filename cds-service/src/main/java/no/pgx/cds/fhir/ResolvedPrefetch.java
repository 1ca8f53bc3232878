package no.pgx.cds.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The prefetch data after resolution: for each key either a FHIR resource (a searchset Bundle for searches) or "no
 * data" (the client sent {@code null}, or an optional template could not be had). Immutable.
 */
public final class ResolvedPrefetch {
    private final Map<String, JsonNode> data;
    private final Map<String, PgxResults> results;

    /** @param data key → resource; a null value means "no data" */
    public ResolvedPrefetch(Map<String, JsonNode> data) {
        this(data, Map.of());
    }

    /**
     * @param data    key → resource; a null value means "no data"
     * @param results keys whose resources were read as text ({@link PgxResults}); they win over {@code data}
     */
    public ResolvedPrefetch(Map<String, JsonNode> data, Map<String, PgxResults> results) {
        Map<String, JsonNode> all = new LinkedHashMap<>(data);
        results.keySet().forEach(k -> all.put(k, null));
        this.data = Collections.unmodifiableMap(all);
        this.results = Map.copyOf(results);
    }

    /** @return the resource under a key, empty when there is no data */
    public Optional<JsonNode> resource(String key) {
        PgxResults r = results.get(key);
        return r != null ? Optional.of(r.tree()) : Optional.ofNullable(data.get(key));
    }

    /**
     * The PGx result entries under a key, read without a JSON tree: as {@link #entries(String, Set)}, for the engine's
     * FHIR adapter.
     *
     * @param key   prefetch key
     * @param types FHIR resource types to keep
     * @return the entries in order; empty when none
     */
    public List<PgxResults.Entry> results(String key, Set<String> types) {
        PgxResults r = results.get(key);
        if (r == null) {
            JsonNode node = data.get(key);
            r = node == null ? null : PgxResults.of(node);
        }
        return r == null ? List.of() : r.entries(types);
    }

    /**
     * The resources of one type under a key: the entries of a Bundle, or the resource itself.
     *
     * @param key          prefetch key
     * @param resourceType FHIR resource type to keep
     * @return the resources in order; empty when none
     */
    public List<JsonNode> resources(String key, String resourceType) {
        return resources(resource(key).orElse(null), resourceType);
    }

    /** As {@link #resources(String, String)}, over an already read resource or Bundle (null gives an empty list). */
    public static List<JsonNode> resources(JsonNode node, String resourceType) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        if ("Bundle".equals(node.path("resourceType").stringValue(null))) {
            for (JsonNode entry : entries(node)) {
                JsonNode resource = entry.path("resource");
                if (resourceType.equals(resource.path("resourceType").stringValue(null))) {
                    out.add(resource);
                }
            }
        } else if (resourceType.equals(node.path("resourceType").stringValue(null))) {
            out.add(node);
        }
        return out;
    }

    /**
     * The entries of the given resource types under a key, as Bundle entries that keep their {@code fullUrl} (so that
     * references between them still resolve); a single resource becomes one entry without fullUrl.
     *
     * @param key   prefetch key
     * @param types FHIR resource types to keep
     * @return new entry objects ({@code fullUrl} when present, {@code resource}) in order; empty when none
     */
    public List<JsonNode> entries(String key, Set<String> types) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode node = resource(key).orElse(null);
        if (node == null || !node.isObject()) {
            return out;
        }
        String type = node.path("resourceType").stringValue(null);
        if (!"Bundle".equals(type)) {
            if (types.contains(type)) {
                out.add(entry(null, node));
            }
            return out;
        }
        for (JsonNode entry : entries(node)) {
            JsonNode resource = entry.path("resource");
            if (types.contains(resource.path("resourceType").stringValue(null))) {
                JsonNode fullUrl = entry.get("fullUrl");
                out.add(entry(fullUrl != null && fullUrl.isString() ? fullUrl.stringValue() : null, resource));
            }
        }
        return out;
    }

    private static JsonNode entry(String fullUrl, JsonNode resource) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        if (fullUrl != null) {
            e.put("fullUrl", fullUrl);
        }
        e.set("resource", resource);
        return e;
    }

    /** Bundle entries; a single object where an array belongs is tolerated. Null gives none. */
    public static Iterable<JsonNode> entries(JsonNode bundle) {
        if (bundle == null) {
            return List.of();
        }
        JsonNode entry = bundle.path("entry");
        return entry.isArray() ? entry : entry.isObject() ? List.of(entry) : List.of();
    }
}
