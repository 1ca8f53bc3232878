package no.pgx.cds.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Which knowledge this service's cards come from: the release of the knowledge package, the version string every
 * card shows, the hash of the tables the rules were built from, and every source with its version and licence.
 * Published as the {@value KnowledgeInfo#EXTENSION} extension of each service in discovery and by
 * {@code GET /knowledge}. Immutable.
 *
 * @param name     the knowledge package, {@code pgx-knowledge}
 * @param release  its release id, e.g. {@code 2026.12.0}
 * @param released the release note line (date and sign-off state); omitted when the manifest has none
 * @param summary  the release and its shown source versions, as {@code Assessment.knowledgeVersion()} starts
 * @param tables   the first 12 hex digits of the SHA-256 over the tables the rules were built from
 * @param version  the full knowledge version as cards show it ({@code <summary>; tables <hash>})
 * @param sources  every component of the release, in manifest order
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "release", "released", "summary", "tables", "version", "sources"})
public record KnowledgeDescription(String name, String release, String released, String summary, String tables,
                                   String version, List<Source> sources) {
    public KnowledgeDescription {
        sources = List.copyOf(sources);
    }

    /**
     * One source (or the project's curation) of the release.
     *
     * @param id          stable component id, e.g. {@code cpic-recommendations}
     * @param label       how the summary names it
     * @param version     the version it is cited by
     * @param dataVersion the version stamped in the pinned source files; omitted for the project's curation
     * @param publisher   who published it
     * @param licence     SPDX licence id
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"id", "label", "version", "dataVersion", "publisher", "licence"})
    public record Source(String id, String label, String version, String dataVersion, String publisher,
                         String licence) {
    }

    /**
     * What each hook response carries: enough to log which knowledge produced its cards.
     *
     * @param release the release id
     * @param summary the release and its shown source versions
     * @param tables  the tables hash
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"release", "summary", "tables"})
    public record Stamp(String release, String summary, String tables) {
    }

    /** @return the part of this description each hook response carries */
    public Stamp stamp() {
        return new Stamp(release, summary, tables);
    }
}
