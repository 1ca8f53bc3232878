package no.pgx.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The knowledge release manifest ({@code no/pgx/knowledge/release.csv}): the release of the knowledge package and
 * the version of every source it contains, so that a card or an {@code Assessment} can say exactly which knowledge
 * produced it, for example {@code pgx-knowledge 2026.12.0: CPIC recommendations 2024-04-15, CPIC allele functions
 * 2025-11-05, CYP2D6 2024-08-27, DPWG 2024-04-15}.
 *
 * <p>Immutable and thread-safe. JDK only.
 */
public final class KnowledgeRelease {
    /** The manifest resource. */
    public static final String RESOURCE = "no/pgx/knowledge/release.csv";

    /**
     * One source (or the project's curation) in the release.
     *
     * @param id          stable component id, e.g. {@code cpic-recommendations}
     * @param label       how the release summary names it, e.g. {@code CPIC recommendations}
     * @param version     the version it is cited by, e.g. {@code 2024-04-15}
     * @param dataVersion the version stamped in the pinned source files; empty for the project's curation
     * @param set         the source set of the pinned files ({@code pgx-knowledge/sources/MANIFEST.csv}); may be empty
     * @param publisher   who published it
     * @param licence     SPDX-style licence id
     * @param shown       true when the release summary names it
     * @param tables      the tables under {@code no/pgx/knowledge/} that carry it
     */
    public record Component(String id, String label, String version, String dataVersion, String set,
                            String publisher, String licence, boolean shown, List<String> tables) {
        /**
         * Keeps an unmodifiable copy of {@code tables}; the other values are stored as given.
         *
         * @param id          stable component id
         * @param label       name in the release summary
         * @param version     cited version
         * @param dataVersion version stamped in the pinned files, or empty
         * @param set         source set of the pinned files, or empty
         * @param publisher   publisher
         * @param licence     SPDX-style licence id
         * @param shown       whether the release summary names it
         * @param tables      tables that carry it
         * @throws NullPointerException when {@code tables} is null or holds null
         */
        public Component {
            tables = List.copyOf(tables);
        }
    }

    private final String name;
    private final String id;
    private final String released;
    private final List<Component> components;

    private KnowledgeRelease(String name, String id, String released, List<Component> components) {
        this.name = name;
        this.id = id;
        this.released = released;
        this.components = List.copyOf(components);
    }

    /**
     * Reads the manifest bundled with pgx-knowledge.
     *
     * @return the release, never null
     * @throws CsvTable.MalformedCsvException when the manifest is missing or malformed
     */
    public static KnowledgeRelease bundled() {
        return read(KnowledgeRelease.class.getClassLoader());
    }

    /**
     * Reads the manifest from a class loader.
     *
     * @param classLoader where to find {@value #RESOURCE}; not null
     * @return the release, never null
     * @throws CsvTable.MalformedCsvException when the manifest is missing or malformed
     */
    public static KnowledgeRelease read(ClassLoader classLoader) {
        return of(CsvTable.readResource(RESOURCE, Objects.requireNonNull(classLoader, "classLoader")));
    }

    /**
     * Builds the release from a parsed manifest.
     *
     * @param table the manifest: a {@code # release: NAME ID} header line and one row per component
     * @return the release, never null
     * @throws CsvTable.MalformedCsvException when the release line or a required column is missing
     */
    public static KnowledgeRelease of(CsvTable table) {
        String release = table.metadata("release");
        int space = release == null ? -1 : release.lastIndexOf(' ');
        if (space <= 0) {
            throw new CsvTable.MalformedCsvException(table.name(), 0, "no '# release: NAME ID' header line");
        }
        List<Component> components = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            List<String> tables = new ArrayList<>();
            for (String t : r.get("tables").split("\\|")) {
                if (!t.isBlank()) {
                    tables.add(t.trim());
                }
            }
            String shown = r.require("shown");
            if (!shown.equals("yes") && !shown.equals("no")) {
                throw r.error("shown must be yes or no, not " + shown);
            }
            components.add(new Component(r.require("component"), r.require("label"), r.require("version"),
                    r.get("data_version").trim(), r.get("set").trim(), r.require("publisher"), r.require("licence"),
                    shown.equals("yes"), tables));
        }
        String released = table.metadata("released");
        return new KnowledgeRelease(release.substring(0, space), release.substring(space + 1),
                released == null ? "" : released, components);
    }

    /** @return the package name, {@code pgx-knowledge} */
    public String name() {
        return name;
    }

    /** @return the release id, e.g. {@code 2026.12.0} */
    public String id() {
        return id;
    }

    /** @return the release note line ({@code # released:}), empty when absent */
    public String released() {
        return released;
    }

    /** @return every component in manifest order */
    public List<Component> components() {
        return components;
    }

    /**
     * @return the release and the versions of its shown components, e.g. {@code pgx-knowledge 2026.12.0: CPIC
     *         recommendations 2024-04-15, CPIC allele functions 2025-11-05, CYP2D6 2024-08-27, DPWG 2024-04-15}
     */
    public String summary() {
        return name + " " + id + ": " + components.stream().filter(Component::shown)
                .map(c -> c.label() + " " + c.version()).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return summary();
    }
}
