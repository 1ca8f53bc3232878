package no.pgx.knowledge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Pinning a newer download of a set replaces that set's manifest rows, and the sources verify again. */
class SourcePinnerTest {

    @Test
    void pinningANewFolderForASetReplacesItsRowsAndVerifies() throws IOException {
        Path sources = KnowledgeModule.scratch("pin");
        Files.copy(KnowledgeModule.SOURCES.resolve(SourceManifest.FILE), sources.resolve(SourceManifest.FILE));
        KnowledgeModule.copy(KnowledgeModule.SOURCES.resolve("dpwg-gene-phenotypes-2024-04-15"),
                sources.resolve("dpwg-gene-phenotypes-2024-04-15"));
        // a "newer download" of the CYP2D6 set: the same file with a new version stamp
        Path newer = sources.resolve("cpic-cyp2d6-2099-01-01");
        Files.createDirectories(newer);
        Files.writeString(newer.resolve("CYP2D6.json"), "{\"gene\":\"CYP2D6\",\"namedAlleles\":[],\"diplotypes\":[],"
                + "\"version\":\"2099-01-01-00-00\"}", StandardCharsets.UTF_8);
        int n = SourcePinner.pin(new SourcePinner.Request(sources, "cpic-cyp2d6-2099-01-01", "cpic-cyp2d6", "CPIC",
                "https://github.com/PharmGKB/PharmCAT", "abc123", "2099-01-02",
                "src/main/resources/org/pharmgkb/pharmcat/phenotype/cpic", "CC0-1.0"));

        assertThat(n).isEqualTo(1);
        SourceManifest m = SourceManifest.read(sources);
        assertThat(m.set("cpic-cyp2d6")).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("cpic-cyp2d6-2099-01-01/CYP2D6.json");
            assertThat(e.dataVersion()).isEqualTo("2099-01-01-00-00");
            assertThat(e.upstreamPath()).isEqualTo("src/main/resources/org/pharmgkb/pharmcat/phenotype/cpic/CYP2D6.json");
        });
        assertThat(m.info("cpic-cyp2d6").versionDate()).isEqualTo("2099-01-01");
        assertThat(m.set("dpwg-gene-phenotypes")).hasSize(13);
        assertThat(m.verify()).filteredOn(p -> p.startsWith("cpic-cyp2d6") || p.startsWith("dpwg")).isEmpty();
    }
}
