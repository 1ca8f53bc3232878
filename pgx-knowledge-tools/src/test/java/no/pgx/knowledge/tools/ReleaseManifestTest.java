package no.pgx.knowledge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.pgx.knowledge.CsvTable;
import no.pgx.knowledge.KnowledgeRelease;

/** The versions the release manifest (and so every card) names are the versions of the pinned source files. */
class ReleaseManifestTest {

    @Test
    void everyComponentVersionIsThatOfItsPinnedFiles() throws IOException {
        KnowledgeRelease release;
        try (var reader = Files.newBufferedReader(KnowledgeModule.SHIPPED.resolve("release.csv"),
                StandardCharsets.UTF_8)) {
            release = KnowledgeRelease.of(CsvTable.parse("release.csv", reader));
        }
        SourceManifest sources = SourceManifest.read(KnowledgeModule.SOURCES);
        int checked = 0;
        for (KnowledgeRelease.Component c : release.components()) {
            if (c.set().isEmpty()) {
                continue;
            }
            Set<String> dataVersions = new HashSet<>();
            Set<String> dates = new HashSet<>();
            for (SourceManifest.Entry e : sources.set(c.set())) {
                dataVersions.add(e.dataVersion());
                dates.add(e.date());
                if (e.dataVersion().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                    dates.add(e.dataVersion().substring(0, 10));
                }
            }
            assertThat(dataVersions).as(c.id() + " data_version in set " + c.set()).contains(c.dataVersion());
            assertThat(dates).as(c.id() + " version").contains(c.version());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }
}
