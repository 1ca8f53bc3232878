package no.pgx.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import no.pgx.knowledge.KnowledgeRelease;

/** The knowledge description splits the engine's version into summary and tables hash and lists every source. */
class KnowledgeInfoTest {
    private static final KnowledgeRelease RELEASE = KnowledgeRelease.bundled();

    @Test
    void theVersionSplitsIntoSummaryAndTablesHash() {
        String version = RELEASE.summary() + "; tables 0123456789ab";

        KnowledgeInfo info = new KnowledgeInfo(version, RELEASE);

        KnowledgeDescription d = info.description();
        assertThat(d.summary()).isEqualTo(RELEASE.summary());
        assertThat(d.tables()).isEqualTo("0123456789ab");
        assertThat(d.version()).isEqualTo(version);
        assertThat(d.release()).isEqualTo(RELEASE.id());
        assertThat(info.responseExtension()).containsOnlyKeys(KnowledgeInfo.EXTENSION);
        assertThat(info.responseExtension().get(KnowledgeInfo.EXTENSION))
                .isEqualTo(new KnowledgeDescription.Stamp(RELEASE.id(), RELEASE.summary(), "0123456789ab"));
    }

    @Test
    void everyComponentOfTheReleaseIsASourceWithVersionAndLicence() {
        KnowledgeDescription d = new KnowledgeInfo(RELEASE.summary() + "; tables 0123456789ab", RELEASE).description();

        assertThat(d.sources()).hasSize(RELEASE.components().size());
        assertThat(d.sources()).extracting(KnowledgeDescription.Source::id)
                .containsExactlyElementsOf(RELEASE.components().stream().map(KnowledgeRelease.Component::id).toList());
        assertThat(d.sources()).allSatisfy(s -> {
            assertThat(s.version()).isNotBlank();
            assertThat(s.licence()).isNotBlank();
            assertThat(s.publisher()).isNotBlank();
        });
    }

    @Test
    void aVersionWithoutTablesHashIsKeptWhole() {
        KnowledgeDescription d = new KnowledgeInfo("pgx-knowledge 1.0: X 1", RELEASE).description();

        assertThat(d.summary()).isEqualTo("pgx-knowledge 1.0: X 1");
        assertThat(d.tables()).isNull();
    }
}
