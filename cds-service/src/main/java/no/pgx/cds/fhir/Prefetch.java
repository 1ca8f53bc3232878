package no.pgx.cds.fhir;

import java.util.HashMap;
import java.util.Map;

import no.pgx.cds.discovery.CdsServiceCatalog;
import no.pgx.cds.system.CurrentBody;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.node.NullNode;

/**
 * The {@code prefetch} object of a hook request, read while the body streams through the parser: every key's value
 * becomes a JSON tree, as before, except the PGx results ({@value CdsServiceCatalog#PGX_RESULTS}), which are kept as
 * compact JSON text ({@link PgxResults}) for the engine's FHIR adapter, without a tree. A prefetch that is not an
 * object is kept as it came (the resolver refuses it). Immutable.
 */
@JsonDeserialize(using = Prefetch.Reader.class)
public final class Prefetch {
    /** The value when it is not an object (string, number, array, null); null when it is one. */
    private final JsonNode notObject;
    private final Map<String, JsonNode> trees;
    private final Map<String, PgxResults> streamed;

    private Prefetch(JsonNode notObject, Map<String, JsonNode> trees, Map<String, PgxResults> streamed) {
        this.notObject = notObject;
        this.trees = trees;
        this.streamed = streamed;
    }

    /** @return a prefetch object of JSON trees (tests, and callers that already hold trees) */
    public static Prefetch of(Map<String, JsonNode> values) {
        return new Prefetch(null, new HashMap<>(values), Map.of());
    }

    /** @return true when the prefetch value is a JSON object */
    public boolean isObject() {
        return notObject == null;
    }

    /** @return true when the prefetch value is JSON {@code null} */
    public boolean isNull() {
        return notObject != null && notObject.isNull();
    }

    /** @return the value of a key read as a tree; null when absent or kept as text ({@link #results(String)}) */
    public JsonNode tree(String key) {
        return trees.get(key);
    }

    /** @return the value of a key kept as text (never JSON {@code null}, which is a tree); null when absent */
    public PgxResults results(String key) {
        return streamed.get(key);
    }

    /** Reads the prefetch object member by member. */
    public static final class Reader extends ValueDeserializer<Prefetch> {
        @Override
        public Prefetch deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return new Prefetch(ctxt.readTree(p), Map.of(), Map.of());
            }
            Map<String, JsonNode> trees = new HashMap<>();
            Map<String, PgxResults> streamed = new HashMap<>(2);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                // A repeated key: the last value counts, as in a tree.
                trees.remove(key);
                streamed.remove(key);
                if (CdsServiceCatalog.PGX_RESULTS.equals(key) && value != JsonToken.VALUE_NULL) {
                    streamed.put(key, PgxResults.read(p, CurrentBody.get()));
                } else {
                    trees.put(key, ctxt.readTree(p));
                }
            }
            return new Prefetch(null, trees, streamed);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return new Prefetch(NullNode.getInstance(), Map.of(), Map.of());
        }
    }
}
