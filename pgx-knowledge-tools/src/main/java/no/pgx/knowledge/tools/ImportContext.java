package no.pgx.knowledge.tools;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the derived tables are built from: the pinned sources (read once, on first use) and the overlay directory
 * with its overlay files (read once; the import updates them in memory into the proposed overlays).
 * Not thread-safe.
 */
final class ImportContext {
    private final SourceManifest manifest;
    private final OverlayDir overlays;
    private final Map<String, OverlayFile> overlayFiles = new LinkedHashMap<>();
    private List<SourceFiles.Guideline> guidelines;
    private final Map<String, Map<String, SourceFiles.GeneFile>> geneFiles = new LinkedHashMap<>();

    ImportContext(SourceManifest manifest, OverlayDir overlays) {
        this.manifest = manifest;
        this.overlays = overlays;
    }

    SourceManifest manifest() {
        return manifest;
    }

    OverlayDir overlays() {
        return overlays;
    }

    /** @return the guideline annotations of the set named by setting {@code recommendations.set} */
    List<SourceFiles.Guideline> guidelines() {
        if (guidelines == null) {
            guidelines = SourceFiles.guidelines(manifest, overlays.setting("recommendations.set"));
        }
        return guidelines;
    }

    /** @return the gene files of a source set, by gene */
    Map<String, SourceFiles.GeneFile> geneFiles(String set) {
        return geneFiles.computeIfAbsent(set, s -> SourceFiles.geneFiles(manifest, s));
    }

    /**
     * @param name       overlay file name in the overlay directory
     * @param header     description written at the top when the file is (re)written
     * @param columns    its columns
     * @param keyColumns its key columns
     * @return the overlay (read on first use; empty when the file does not exist yet)
     */
    OverlayFile overlay(String name, List<String> header, List<String> columns, List<String> keyColumns) {
        return overlayFiles.computeIfAbsent(name,
                n -> OverlayFile.read(overlays.file(n), header, columns, keyColumns));
    }

    /** Writes every overlay used so far into a directory. */
    void writeOverlays(Path dir) {
        overlayFiles.forEach((name, o) -> o.write(dir.resolve(name)));
    }
}
