package no.pgx.knowledge.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import no.pgx.knowledge.CsvTable;

/**
 * The manifest of the pinned raw sources ({@code pgx-knowledge/sources/MANIFEST.csv}): one row per file with its
 * publisher, upstream repository, commit and path, data version, licence, size and SHA-256. Files are grouped in
 * source sets ({@code set} column), which the import and the release manifest name.
 *
 * <p>Immutable after reading; thread-safe.
 */
public final class SourceManifest {
    /** The manifest file name inside the sources directory. */
    public static final String FILE = "MANIFEST.csv";

    /**
     * One pinned file.
     *
     * @param file         path under the sources directory, with {@code /}
     * @param set          source set id
     * @param publisher    who published the content
     * @param repository   upstream repository URL
     * @param commit       upstream commit the copy was taken from (full or abbreviated)
     * @param date         date of that commit (YYYY-MM-DD)
     * @param upstreamPath path of the file in the upstream repository
     * @param dataVersion  the version stamped inside the file
     * @param licence      SPDX-style licence id of the content
     * @param bytes        file size
     * @param sha256       SHA-256 of the file bytes, lower-case hex
     */
    public record Entry(String file, String set, String publisher, String repository, String commit, String date,
                        String upstreamPath, String dataVersion, String licence, long bytes, String sha256) {
    }

    /**
     * What a source set is, summarised over its files.
     *
     * @param id           set id
     * @param commit       the upstream commit when all files share one, else the distinct commits joined by {@code , }
     * @param date         the commit date when shared, else the distinct dates joined
     * @param dataVersion  the data version when shared, else the distinct versions joined
     * @param licence      the licence when shared, else the distinct licences joined
     * @param folder       the folder of the files under the sources directory when shared, else the folders joined
     * @param files        number of files
     */
    public record SetInfo(String id, String commit, String date, String dataVersion, String licence, String folder,
                          int files) {
        /** @return the first 10 characters of the commit (as cited in table rows) */
        public String shortCommit() {
            return commit.length() > 10 ? commit.substring(0, 10) : commit;
        }

        /** @return the date part (YYYY-MM-DD) of the data version when it starts with one, else the data version */
        public String versionDate() {
            return dataVersion.matches("\\d{4}-\\d{2}-\\d{2}.*") ? dataVersion.substring(0, 10) : dataVersion;
        }
    }

    private final Path dir;
    private final List<Entry> entries;

    private SourceManifest(Path dir, List<Entry> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads {@code MANIFEST.csv} of a sources directory.
     *
     * @param dir the sources directory; not null
     * @return the manifest
     * @throws CsvTable.MalformedCsvException when the manifest is missing or malformed
     */
    public static SourceManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new CsvTable.MalformedCsvException(file.toString(), 0, "no source manifest");
        }
        CsvTable t;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            t = CsvTable.parse(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<Entry> out = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            long bytes;
            try {
                bytes = Long.parseLong(r.require("bytes"));
            } catch (NumberFormatException e) {
                throw r.error("bytes is not a number: " + r.get("bytes"));
            }
            out.add(new Entry(r.require("file"), r.require("set"), r.require("publisher"), r.require("upstream_repository"),
                    r.require("upstream_commit"), r.require("upstream_date"), r.require("upstream_path"),
                    r.require("data_version"), r.require("licence"), bytes, r.require("sha256")));
        }
        return new SourceManifest(dir, out);
    }

    /** @return the sources directory */
    public Path dir() {
        return dir;
    }

    /** @return every entry in manifest order */
    public List<Entry> entries() {
        return entries;
    }

    /** @return the entries of one set, in manifest order (empty when the set is unknown) */
    public List<Entry> set(String id) {
        return entries.stream().filter(e -> e.set().equals(id)).toList();
    }

    /** @return the set ids in manifest order */
    public Set<String> setIds() {
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(e -> ids.add(e.set()));
        return ids;
    }

    /**
     * @param id set id
     * @return the summary of the set
     * @throws IllegalArgumentException when the manifest has no such set
     */
    public SetInfo info(String id) {
        List<Entry> es = set(id);
        if (es.isEmpty()) {
            throw new IllegalArgumentException(FILE + ": no source set '" + id + "'");
        }
        return new SetInfo(id, joined(es, Entry::commit), joined(es, Entry::date), joined(es, Entry::dataVersion),
                joined(es, Entry::licence), joined(es, e -> e.file().contains("/")
                        ? e.file().substring(0, e.file().lastIndexOf('/')) : "."), es.size());
    }

    private static String joined(List<Entry> es, java.util.function.Function<Entry, String> f) {
        Set<String> v = new LinkedHashSet<>();
        es.forEach(e -> v.add(f.apply(e)));
        return String.join(", ", v);
    }

    /** @return the file of an entry */
    public Path path(Entry e) {
        return dir.resolve(e.file());
    }

    /**
     * Checks that every listed file exists with the listed size and SHA-256, and that no file of the sources
     * directory is unlisted (README, NOTICE and the manifest itself excepted).
     *
     * @return the problems found, one message each; empty when the pinned sources are intact
     */
    public List<String> verify() {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> listed = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (listed.put(e.file(), e) != null) {
                problems.add(e.file() + ": listed twice in " + FILE);
            }
            Path p = path(e);
            if (!Files.isRegularFile(p)) {
                problems.add(e.file() + ": listed in " + FILE + " but missing");
                continue;
            }
            try {
                long size = Files.size(p);
                String sha = sha256(p);
                if (size != e.bytes() || !sha.equals(e.sha256())) {
                    problems.add(e.file() + ": changed since it was pinned (size " + size + ", SHA-256 " + sha
                            + "; manifest: " + e.bytes() + ", " + e.sha256() + ")");
                }
            } catch (IOException ex) {
                problems.add(e.file() + ": cannot be read: " + ex.getMessage());
            }
        }
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> present.add(dir.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            problems.add(dir + ": cannot be listed: " + e.getMessage());
        }
        for (String f : present) {
            if (!listed.containsKey(f) && !f.equals(FILE) && !f.endsWith(".md")) {
                problems.add(f + ": present but not listed in " + FILE + " (add it with its provenance or remove it)");
            }
        }
        return problems;
    }

    /**
     * @param file a file
     * @return its SHA-256, lower-case hex
     * @throws IOException when it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
