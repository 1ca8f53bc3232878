package no.pgx.cds.fhir;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The value of the PGx results prefetch key (a searchset Bundle of Observations, or one Observation) kept as its JSON
 * text, with what the service checks read out of it: the resource types, each entry's {@code fullUrl}, and the
 * patient each resource names. The Observations themselves are read by the engine's FHIR adapter, which takes JSON
 * text: so the service never builds a JSON tree of them (at 15 genotype Observations, about three quarters of an
 * order-sign body), and never writes one back to text.
 *
 * <p>Read with a streaming parser: the value is skipped over in the request body and taken as its slice of the body
 * ({@link #read}; copied token by token when the body is not at hand), then scanned once for the few fields named
 * above; every other member is skipped, whatever its depth. Each resource is a slice of that text. A JSON tree is built only if some caller asks for one ({@link #tree()}). Immutable.
 */
public final class PgxResults {
    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonMapper TREES = JsonMapper.builder().build();

    private final byte[] text;
    /** Where the value is in {@code text} (the request body, or a copy of the value). */
    private final int start;
    private final int end;
    private final boolean object;
    private final String resourceType;
    /** The value itself read as one resource (subject and patient references); null when not an object. */
    private final Resource self;
    private final List<Entry> entries;
    private volatile JsonNode tree;

    private PgxResults(byte[] text, int start, int end, boolean object, String resourceType, Resource self,
            List<Entry> entries) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.object = object;
        this.resourceType = resourceType;
        this.self = self;
        this.entries = entries;
    }

    /**
     * A resource within the value: its type and the references it makes to a patient, and where its text is.
     *
     * @param type             {@code resourceType}, or null when absent or not a string
     * @param subjectReference {@code subject.reference}, or null when not a string in an object
     * @param patientReference {@code patient.reference}, likewise
     */
    record Resource(String type, String subjectReference, String patientReference, int start, int end) {
    }

    /**
     * One Bundle entry whose {@code resource} is a JSON object.
     *
     * @param fullUrlStart start of the {@code fullUrl} string's JSON text (quotes included), -1 when it has none that is a
     *                     string
     */
    public record Entry(byte[] text, int fullUrlStart, int fullUrlEnd, Resource resource) {
        /** @return the resource type, or null */
        public String resourceType() {
            return resource.type();
        }

        /**
         * @param field     the request field, for the message
         * @param patientId the patient in context
         * @throws no.pgx.cds.system.CdsRequestException as {@link PatientFacts#requireSamePatient}
         */
        public void requireSamePatient(String field, String patientId) {
            PatientFacts.requireSamePatient(resource.type(), resource.subjectReference(), resource.patientReference(),
                    field, patientId);
        }

        boolean hasFullUrl() {
            return fullUrlStart >= 0;
        }

        /** Appends the entry as a Bundle entry's JSON text: {@code {"fullUrl":…,"resource":{…}}}. */
        void writeTo(ByteArrayOutputStream out) {
            out.write('{');
            if (hasFullUrl()) {
                out.writeBytes(FULL_URL);
                out.write(text, fullUrlStart, fullUrlEnd - fullUrlStart);
                out.write(',');
            }
            out.writeBytes(RESOURCE);
            out.write(text, resource.start(), resource.end() - resource.start());
            out.write('}');
        }
    }

    private static final byte[] FULL_URL = "\"fullUrl\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] RESOURCE = "\"resource\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Reads the JSON value at the parser's current token (which must not be {@code null}) and leaves the parser on its
     * last token. Malformed JSON fails here, exactly as it would while building a tree (the same parser reads it).
     *
     * <p>When the parser reads {@code body} (the request body, {@link no.pgx.cds.system.CurrentBody}) byte for byte,
     * the value is skipped without decoding its strings and taken as the slice of the body between its first and last
     * token; the positions are checked against the body's bytes first. Otherwise it is copied ({@link #copy}).
     *
     * @param body the bytes the parser reads, or null
     */
    static PgxResults read(JsonParser p, byte[] body) {
        long start = p.currentTokenLocation().getByteOffset();
        if (body == null || p.currentToken() != JsonToken.START_OBJECT || start < 0 || start >= body.length
                || body[(int) start] != '{') {
            return copy(p);
        }
        PgxResults r = scan(p, body, (int) start);
        if (body[r.end - 1] != '}') {
            // The start matched, so this cannot happen; never read a wrong slice.
            throw new IllegalStateException("parser positions do not match the request body");
        }
        return r;
    }

    /** Copies the value at the parser's current token token by token (exact numbers) and reads the copy. */
    static PgxResults copy(JsonParser p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.copyCurrentStructureExact(p);
        }
        return scan(out.toByteArray());
    }

    /** The same for a value already read as a tree (a FHIR server's answer). */
    static PgxResults of(JsonNode value) {
        PgxResults r = scan(TREES.writeValueAsBytes(value));
        r.tree = value;
        return r;
    }

    /** @return true when the value is a JSON object */
    public boolean isObject() {
        return object;
    }

    /** @return {@code resourceType} when the value is an object and it is a string, else null */
    public String resourceType() {
        return resourceType;
    }

    /**
     * The types of the resources in the Bundle's entries, in order (as {@link ResolvedPrefetch#entries(JsonNode)}
     * sees them: an {@code entry} object where an array belongs counts as one entry); entries without a resource type
     * are left out.
     */
    public List<String> entryTypes() {
        List<String> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.resourceType() != null) {
                out.add(e.resourceType());
            }
        }
        return out;
    }

    /**
     * As {@link ResolvedPrefetch#entries(String, Set)}: the entries whose resource is of one of the types; the value
     * itself as one entry without fullUrl when it is such a resource rather than a Bundle.
     */
    public List<Entry> entries(Set<String> types) {
        List<Entry> out = new ArrayList<>();
        if (!object) {
            return out;
        }
        if (!"Bundle".equals(resourceType)) {
            if (types.contains(resourceType)) {
                out.add(new Entry(text, -1, -1, self));
            }
            return out;
        }
        for (Entry e : entries) {
            if (types.contains(e.resourceType())) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return the value as a JSON tree, built on first use (the request path does not use it) */
    public JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            t = TREES.readTree(java.util.Arrays.copyOfRange(text, start, end));
            tree = t;
        }
        return t;
    }

    // ------------------------------------------------------------------ the scan

    /** Reads the fields the service checks out of a value's JSON text (all of {@code text}). */
    static PgxResults scan(byte[] text) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new PgxResults(text, 0, text.length, false, null, null, List.of());
            }
            return scan(p, text, 0);
        }
    }

    /**
     * Reads an object (the parser on its START_OBJECT, at byte {@code start} of {@code text}) and leaves the parser on
     * its END_OBJECT. Positions are the parser's byte offsets: it must read {@code text} from its first byte.
     */
    private static PgxResults scan(JsonParser p, byte[] text, int start) {
        Scan top = new Scan(p, start);
        List<Entry> entries = List.of();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("entry".equals(name)) {
                entries = new ArrayList<>();
                if (v == JsonToken.START_ARRAY) {
                    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (v == JsonToken.START_OBJECT) {
                            entry(p, text, entries);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (v == JsonToken.START_OBJECT) {
                    entry(p, text, entries);
                } else {
                    p.skipChildren();
                }
            } else {
                top.member(name, v);
            }
        }
        int end = offset(p) + 1;
        Resource self = top.resource(end);
        return new PgxResults(text, start, end, true, self.type(), self, entries);
    }

    /** One entry object (parser on its START_OBJECT); adds it when its resource is an object. */
    private static void entry(JsonParser p, byte[] text, List<Entry> entries) {
        int urlStart = -1;
        int urlEnd = -1;
        Resource resource = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("fullUrl".equals(name)) {
                if (v == JsonToken.VALUE_STRING) {
                    urlStart = offset(p);
                    urlEnd = end(text, urlStart);
                } else {
                    urlStart = -1;
                    urlEnd = -1;
                    p.skipChildren();
                }
            } else if ("resource".equals(name)) {
                if (v == JsonToken.START_OBJECT) {
                    Scan r = new Scan(p, offset(p));
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String member = p.currentName();
                        r.member(member, p.nextToken());
                    }
                    resource = r.resource(offset(p) + 1);
                } else {
                    resource = null;
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        if (resource != null) {
            entries.add(new Entry(text, urlStart, urlEnd, resource));
        }
    }

    /** Byte offset of the current token's first byte in the text. */
    private static int offset(JsonParser p) {
        return (int) p.currentTokenLocation().getByteOffset();
    }

    /**
     * Byte offset just after the closing quote of the string that starts at {@code start}: in valid JSON text a quote
     * inside a string is always escaped.
     */
    private static int end(byte[] text, int start) {
        int i = start + 1;
        while (text[i] != '"') {
            i += text[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** The members of one resource object that the service reads. */
    private static final class Scan {
        private final JsonParser p;
        private final int start;
        private String type;
        private String subject;
        private String patient;

        Scan(JsonParser p, int start) {
            this.p = p;
            this.start = start;
        }

        /** The parser is on the member's value. */
        void member(String name, JsonToken v) {
            switch (name) {
                case "resourceType" -> {
                    type = v == JsonToken.VALUE_STRING ? p.getString() : null;
                    p.skipChildren();
                }
                case "subject" -> subject = reference(v);
                case "patient" -> patient = reference(v);
                default -> p.skipChildren();
            }
        }

        /** {@code reference} of a Reference object; null when not an object or not a string (last member wins). */
        private String reference(JsonToken v) {
            if (v != JsonToken.START_OBJECT) {
                p.skipChildren();
                return null;
            }
            String ref = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("reference".equals(name)) {
                    ref = t == JsonToken.VALUE_STRING ? p.getString() : null;
                }
                p.skipChildren();
            }
            return ref;
        }

        Resource resource(int end) {
            return new Resource(type, subject, patient, start, end);
        }
    }
}
