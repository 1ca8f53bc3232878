package no.pgx.cds.knowledge;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import no.pgx.engine.PgxEngine;
import no.pgx.knowledge.KnowledgeRelease;

/**
 * The knowledge this service runs on, read once at start-up from the engine ({@link PgxEngine#knowledgeVersion()}:
 * release summary and tables hash) and from the release manifest ({@link KnowledgeRelease#bundled()}: every source).
 * A vendor logs the {@value #EXTENSION} extension of a hook response beside its cards to know exactly which knowledge
 * produced them; discovery and {@code GET /knowledge} give the whole description. Immutable.
 */
@Component
public class KnowledgeInfo {
    /** The extension key (CDS Hooks 2.0 "Extensions": reverse-domain naming; the knowledge module's package). */
    public static final String EXTENSION = "no.pgx.knowledge";

    private static final String TABLES = "; tables ";

    private final KnowledgeDescription description;
    private final Map<String, Object> responseExtension;

    @Autowired
    public KnowledgeInfo(PgxEngine engine) {
        this(engine.knowledgeVersion(), KnowledgeRelease.bundled());
    }

    /**
     * @param version the engine's knowledge version ({@code <summary>; tables <hash>})
     * @param release the release manifest the engine's knowledge came from
     */
    KnowledgeInfo(String version, KnowledgeRelease release) {
        int cut = version.lastIndexOf(TABLES);
        String summary = cut < 0 ? version : version.substring(0, cut);
        String tables = cut < 0 ? null : version.substring(cut + TABLES.length()).strip();
        List<KnowledgeDescription.Source> sources = release.components().stream()
                .map(c -> new KnowledgeDescription.Source(c.id(), c.label(), c.version(), c.dataVersion(), c.publisher(),
                        c.licence()))
                .toList();
        this.description = new KnowledgeDescription(release.name(), release.id(), release.released(), summary, tables,
                version, sources);
        this.responseExtension = Map.of(EXTENSION, description.stamp());
    }

    /** @return the whole description (discovery, {@code GET /knowledge}) */
    public KnowledgeDescription description() {
        return description;
    }

    /** @return the {@code extension} object of every hook response: {@code {"no.pgx.knowledge": {release, summary, tables}}} */
    public Map<String, Object> responseExtension() {
        return responseExtension;
    }
}
