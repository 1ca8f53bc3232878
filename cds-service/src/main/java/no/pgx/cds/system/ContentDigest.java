package no.pgx.cds.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * SHA-256 of JSON trees, for cache keys that must not collide for different content (a collision would hand one
 * patient's results to another). The tree is walked directly: no JSON text is written just to be hashed. The
 * encoding is injective: every value carries its type, every string and container its length, and object members
 * keep their order. Not thread-safe; one instance per computation.
 */
public final class ContentDigest {
    /** One per request thread: the digest and its buffer are reused (this runs for every hook call). */
    private static final ThreadLocal<ContentDigest> PER_THREAD = ThreadLocal.withInitial(ContentDigest::new);

    private final MessageDigest sha;
    private final byte[] buffer = new byte[8_192];
    private int used;

    private ContentDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * @param nodes JSON values in order; not null, no null elements
     * @return the lower-case hex SHA-256 of their encoding
     */
    public static String of(List<JsonNode> nodes) {
        ContentDigest d = PER_THREAD.get();
        d.sha.reset();
        d.used = 0;
        d.count('L', nodes.size());
        for (JsonNode n : nodes) {
            d.node(n);
        }
        return d.finish();
    }

    private void node(JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                count('O', n.size());
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    string(e.getKey());
                    node(e.getValue());
                }
            }
            case ARRAY -> {
                count('A', n.size());
                for (JsonNode element : n) {
                    node(element);
                }
            }
            case STRING -> {
                tag('S');
                string(n.stringValue());
            }
            case NUMBER -> {
                tag('N');
                string(n.numberType().name());
                string(n.asString());
            }
            case BOOLEAN -> tag(n.booleanValue() ? 'T' : 'F');
            case NULL, MISSING -> tag('Z');
            default -> {
                tag('X');
                string(n.toString());
            }
        }
    }

    private void tag(char t) {
        room(1);
        buffer[used++] = (byte) t;
    }

    private void count(char t, int n) {
        room(5);
        buffer[used++] = (byte) t;
        buffer[used++] = (byte) (n >>> 24);
        buffer[used++] = (byte) (n >>> 16);
        buffer[used++] = (byte) (n >>> 8);
        buffer[used++] = (byte) n;
    }

    /** Length in chars, then each char: one byte below 0x80, else a 0x80 marker and its two bytes. */
    private void string(String s) {
        int length = s.length();
        count('s', length);
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                room(1);
                buffer[used++] = (byte) c;
            } else {
                room(3);
                buffer[used++] = (byte) 0x80;
                buffer[used++] = (byte) (c >>> 8);
                buffer[used++] = (byte) c;
            }
        }
    }

    private void room(int bytes) {
        if (used + bytes > buffer.length) {
            sha.update(buffer, 0, used);
            used = 0;
        }
    }

    private String finish() {
        sha.update(buffer, 0, used);
        return HexFormat.of().formatHex(sha.digest());
    }
}
