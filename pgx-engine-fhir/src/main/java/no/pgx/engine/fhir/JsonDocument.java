package no.pgx.engine.fhir;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import org.hl7.fhir.r4.model.Resource;

import no.pgx.engine.Problem;

/**
 * Splits a FHIR JSON document (a Bundle of any type, a DiagnosticReport with contained results, or a single Observation)
 * into its resources and parses each one on its own, so that one broken or unknown resource (an R5-only type, a wrong JSON shape) gives one problem naming it
 * instead of failing the whole document. Only resource types this package reads are parsed. Stateless and thread-safe.
 */
final class JsonDocument {
    private static final Set<String> READ_TYPES = Set.of("Observation", "DiagnosticReport", "Organization", "Practitioner");
    /**
     * Elements of each parsed type that nothing in this package reads, left out of what HAPI parses (as the narrative,
     * {@code text}, is): building HAPI's model of them (a lab comment, the specimen, a report's PDF) cost time on every
     * request. An element this package starts to read must come off this list: {@code FhirResultsTest} reads a result
     * with each of them present and checks that it is read exactly as without it, so a read element put here fails.
     */
    static final java.util.Map<String, Set<String>> UNREAD = java.util.Map.of(
            "Observation", Set.of("basedOn", "partOf", "category", "focus", "encounter", "note", "method",
                    "specimen", "device", "referenceRange", "interpretation", "bodySite"),
            "DiagnosticReport", Set.of("basedOn", "category", "encounter", "specimen", "imagingStudy", "media",
                    "presentedForm", "conclusion", "conclusionCode"));
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private JsonDocument() {
    }

    static Entries read(String json) {
        Entries entries = new Entries();
        JsonNode root;
        try {
            root = json == null || json.isBlank() ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return notJson(entries, e);
        }
        return read(root, entries);
    }

    /**
     * Reads a document given as UTF-8 bytes: the same as {@link #read(String)} of their text, without decoding it
     * first (Jackson's byte parser reads UTF-8 directly). Jackson would also take UTF-16 and UTF-32 (told by a
     * byte-order mark or zero bytes at the start) and skip a UTF-8 byte-order mark; FHIR JSON is UTF-8 without one, and
     * the text of such bytes is not JSON, so they are refused here with a problem that says so. Malformed UTF-8 gives
     * the invalid-JSON problem.
     */
    static Entries read(byte[] utf8) {
        Entries entries = new Entries();
        String encoding = notUtf8(utf8);
        if (encoding != null) {
            entries.problems.add(new Problem(null, "json", "The FHIR document is not UTF-8 without a byte-order mark ("
                    + encoding + "); nothing was read"));
            return entries;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(utf8);
        } catch (JsonProcessingException e) {
            return notJson(entries, e);
        } catch (java.io.IOException e) {
            // Only the UTF-32 reader throws an IOException that is not a parse exception; refused above.
            entries.problems.add(new Problem(null, "json", "The FHIR document is not valid JSON (" + e.getMessage()
                    + "); nothing was read"));
            return entries;
        }
        return read(root, entries);
    }

    /** @return how the start of the bytes shows another encoding than plain UTF-8, or null when it does not */
    private static String notUtf8(byte[] b) {
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return "it starts with a UTF-8 byte-order mark";
        }
        boolean utf16Mark = b.length >= 2
                && (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF || b[0] == (byte) 0xFF && b[1] == (byte) 0xFE);
        if (utf16Mark) {
            return "it starts with a UTF-16 or UTF-32 byte-order mark";
        }
        for (int i = 0; i < Math.min(4, b.length); i++) {
            if (b[i] == 0) {
                return "a zero byte at its start: UTF-16 or UTF-32";
            }
        }
        return null;
    }

    private static Entries notJson(Entries entries, JsonProcessingException e) {
        entries.problems.add(new Problem(null, "json", "The FHIR document is not valid JSON ("
                + e.getOriginalMessage() + location(e) + "); nothing was read"));
        return entries;
    }

    private static Entries read(JsonNode root, Entries entries) {
        if (root == null || !root.isObject()) {
            entries.problems.add(new Problem(null, "json",
                    "The FHIR document is empty or not a JSON object; expected a Bundle or an Observation"));
            return entries;
        }
        String type = root.path("resourceType").asText("");
        if (type.equals("Bundle")) {
            readBundle(root, entries);
        } else if (type.equals("Observation") || type.equals("DiagnosticReport")) {
            parseEntry(root, null, 0, entries);
        } else {
            entries.problems.add(new Problem(null, "resourceType", "Expected a Bundle, a DiagnosticReport or an "
                    + "Observation, got "
                    + (type.isEmpty() ? "no resourceType" : "a " + type) + "; nothing was read"));
        }
        return entries;
    }

    private static void readBundle(JsonNode bundle, Entries entries) {
        JsonNode list = bundle.path("entry");
        if (!list.isArray()) {
            if (!list.isMissingNode()) {
                entries.problems.add(new Problem(null, "entry", "Bundle.entry is not a JSON array; nothing was read"));
            }
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            JsonNode resource = entry.path("resource");
            String fullUrl = entry.path("fullUrl").asText(null);
            if (resource.isObject()) {
                parseEntry(resource, fullUrl, i, entries);
            }
        }
    }

    private static void parseEntry(JsonNode resource, String fullUrl, int index, Entries entries) {
        String type = resource.path("resourceType").asText("");
        if (type.equals("Patient")) {
            entries.patient(resource.path("id").asText(null), fullUrl);
            return;
        }
        if (!READ_TYPES.contains(type)) {
            return;
        }
        IJsonLikeParser parser = (IJsonLikeParser) Fhir.reader();
        // The narrative (text.div, XHTML) is for people and never read here; parsing it was a tenth of a request's
        // CPU, and a malformed one made a readable result unreadable. The same for contained resources (a report's
        // results may be contained in it).
        prune((ObjectNode) resource, type);
        for (JsonNode contained : resource.path("contained")) {
            if (contained.isObject()) {
                prune((ObjectNode) contained, contained.path("resourceType").asText(""));
            }
        }
        // HAPI reads this package's tree as it is instead of the resource written back to text and parsed again.
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject((ObjectNode) resource);
        try {
            entries.add((Resource) parser.parseResource(structure), fullUrl, index);
        } catch (RuntimeException e) {
            if (type.equals("Observation") || type.equals("DiagnosticReport")) {
                entries.problems.add(new Problem(null, "resource", type + " " + label(resource, fullUrl, index)
                        + " cannot be read as FHIR R4 (" + e.getMessage() + "); it was not used"));
            }
        }
    }

    /** Removes the narrative and the elements of {@link #UNREAD} from a resource before HAPI parses it. */
    private static void prune(ObjectNode resource, String type) {
        resource.remove("text");
        Set<String> unread = UNREAD.get(type);
        if (unread != null) {
            resource.remove(unread);
        }
    }

    private static String label(JsonNode resource, String fullUrl, int index) {
        String id = resource.path("id").asText("");
        if (!id.isEmpty()) {
            return id;
        }
        return fullUrl != null ? fullUrl : "(entry " + (index + 1) + ", no id)";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
