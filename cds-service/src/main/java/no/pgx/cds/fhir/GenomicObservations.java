package no.pgx.cds.fhir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;

import no.pgx.cds.system.PureCache;
import no.pgx.engine.fhir.FhirResults;

/**
 * Reads the patient's PGx Observations and DiagnosticReports into engine inputs with the engine's FHIR adapter
 * ({@link FhirResults}), which knows the Genomics Reporting shapes, combines several results per gene by a stated rule,
 * reads the results contained in a report and reports those it lists but were not sent, and reports everything it did
 * not read ({@link GeneticResults#problems()}, {@link GeneticResults#notes()}).
 *
 * <p>Only the patient in context is read ({@link FhirResults#fromJson(byte[], String)} with {@code Patient/<id>}):
 * Observations of another subject are never merged with theirs, they are left out and listed in the notes.
 *
 * <p>The entries arrive as JSON text ({@link PgxResults}): the adapter's input, a collection Bundle, is their UTF-8
 * bytes put together, with no JSON tree and no decoding to a Java string in between. Reading is a pure function of
 * the resources and the patient, and an EHR sends the same lab panel with every call for a patient, so results are
 * cached by the SHA-256 of the patient id and the entries' text (bounded): a repeated panel is not parsed with HAPI
 * FHIR again. Thread-safe.
 */
@Component
public class GenomicObservations {
    private static final int CACHE_SIZE = 2_048;
    private static final byte[] HEAD = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
            .getBytes(StandardCharsets.US_ASCII);
    /** One per request thread: this runs for every hook call. */
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    private final PureCache<String, GeneticResults> cache = new PureCache<>(CACHE_SIZE);

    /**
     * @param entries   the patient's Observations and DiagnosticReports, as Bundle entries (already checked not to
     *                  name another patient where that can be told)
     * @param patientId the patient in context
     * @return the gene inputs, problems and notes; never null
     */
    public GeneticResults read(List<PgxResults.Entry> entries, String patientId) {
        if (entries.isEmpty()) {
            return GeneticResults.NONE;
        }
        return cache.get(key(entries, patientId), k -> {
            FhirResults results = FhirResults.fromJson(bundleBytes(entries), "Patient/" + patientId);
            return new GeneticResults(results.results(), results.problems(), results.notes(), entries.size());
        });
    }

    /**
     * SHA-256 of the patient id and each entry's fullUrl and resource text, each part preceded by its length (-1 for
     * no fullUrl), so that different content never gives the same key (a collision would hand one patient's results to
     * another).
     */
    static String key(List<PgxResults.Entry> entries, String patientId) {
        MessageDigest sha = SHA.get();
        sha.reset();
        byte[] id = patientId.getBytes(StandardCharsets.UTF_8);
        length(sha, id.length);
        sha.update(id);
        length(sha, entries.size());
        for (PgxResults.Entry e : entries) {
            length(sha, e.fullUrlStart() < 0 ? -1 : e.fullUrlEnd() - e.fullUrlStart());
            if (e.fullUrlStart() >= 0) {
                sha.update(e.text(), e.fullUrlStart(), e.fullUrlEnd() - e.fullUrlStart());
            }
            int start = e.resource().start();
            int end = e.resource().end();
            length(sha, end - start);
            sha.update(e.text(), start, end - start);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void length(MessageDigest sha, int n) {
        sha.update((byte) (n >>> 24));
        sha.update((byte) (n >>> 16));
        sha.update((byte) (n >>> 8));
        sha.update((byte) n);
    }

    /** The entries as a collection Bundle in UTF-8, the input of the engine's FHIR adapter. */
    static byte[] bundleBytes(List<PgxResults.Entry> entries) {
        int size = HEAD.length + 2;
        for (PgxResults.Entry e : entries) {
            size += e.resource().end() - e.resource().start() + 40 + Math.max(0, e.fullUrlEnd() - e.fullUrlStart());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(HEAD);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            entries.get(i).writeTo(out);
        }
        out.write(']');
        out.write('}');
        return out.toByteArray();
    }
}
