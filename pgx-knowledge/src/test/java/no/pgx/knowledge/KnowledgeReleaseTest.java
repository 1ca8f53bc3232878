package no.pgx.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

/** The release manifest names the knowledge release and the source versions it contains, and the tables agree. */
class KnowledgeReleaseTest {

    @Test
    void summaryNamesTheReleaseAndEachShownSourceVersion() {
        KnowledgeRelease r = KnowledgeRelease.bundled();
        assertThat(r.name()).isEqualTo("pgx-knowledge");
        assertThat(r.id()).matches("\\d{4}\\.\\d{1,2}\\.\\d+");
        assertThat(r.summary()).isEqualTo("pgx-knowledge " + r.id() + ": CPIC recommendations 2024-04-15, "
                + "CPIC allele functions 2025-11-05, CYP2D6 2024-08-27, DPWG 2024-04-15");
    }

    @Test
    void everyTableOfAComponentExistsAndCarriesItsVersion() {
        for (KnowledgeRelease.Component c : KnowledgeRelease.bundled().components()) {
            assertThat(c.tables()).as(c.id()).isNotEmpty();
            for (String table : c.tables()) {
                CsvTable t = CsvTable.readResource("no/pgx/knowledge/" + table);
                assertThat(t.metadata("licence")).as(table).isNotBlank();
                if (!c.set().isEmpty()) {
                    // each table carries the version of the sources it is derived from
                    assertThat(t.metadata("version")).as(table + " # version: line names " + c.label())
                            .contains(c.version());
                }
            }
        }
    }

    @Test
    void aManifestWithoutReleaseLineIsRefusedWithItsName() {
        CsvTable t = CsvTable.parse("release.csv", new StringReader(
                "# version: 1\ncomponent,label,version,data_version,set,publisher,licence,shown,tables\n"));
        assertThatThrownBy(() -> KnowledgeRelease.of(t)).isInstanceOf(CsvTable.MalformedCsvException.class)
                .hasMessageContaining("release.csv").hasMessageContaining("# release:");
    }
}
