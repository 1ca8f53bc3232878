package no.pgx.cds.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The prefetch data after resolution: for each key either a FHIR resource (a searchset Bundle for searches) or "no
 * data" (the client sent {@code null}, or an optional template could not be had). Immutable.
 */
public final class ResolvedPrefetch {
    private final Map<String, JsonNode> data;

    /** @param data key → resource; a null value means "no data" */
    public ResolvedPrefetch(Map<String, JsonNode> data) {
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** @return the resource under a key, empty when there is no data */
    public Optional<JsonNode> resource(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /**
     * The resources of one type under a key: the entries of a Bundle, or the resource itself.
     *
     * @param key          prefetch key
     * @param resourceType FHIR resource type to keep
     * @return the resources in order; empty when none
     */
    public List<JsonNode> resources(String key, String resourceType) {
        return resources(data.get(key), resourceType);
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

    /** Bundle entries; a single object where an array belongs is tolerated. Null gives none. */
    public static Iterable<JsonNode> entries(JsonNode bundle) {
        if (bundle == null) {
            return List.of();
        }
        JsonNode entry = bundle.path("entry");
        return entry.isArray() ? entry : entry.isObject() ? List.of(entry) : List.of();
    }
}
