package no.pgx.terminology.genetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhenotypeVocabularyTest {
    private final PhenotypeVocabulary vocabulary = PhenotypeVocabulary.loadDefault();

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "PM|metabolizer|Poor Metabolizer",
            "pm||Poor Metabolizer",
            "IM||Intermediate Metabolizer",
            "NM||Normal Metabolizer",
            "RM||Rapid Metabolizer",
            "UM||Ultrarapid Metabolizer",
            "poor metabolizer||Poor Metabolizer",
            "Poor Metaboliser||Poor Metabolizer",
            "POOR  METABOLIZER||Poor Metabolizer",
            "Poor Metabolizer phenotype||Poor Metabolizer",
            "extensive||Normal Metabolizer",
            "Extensive Metabolizer||Normal Metabolizer",
            "EM||Normal Metabolizer",
            "langsom omsetter||Poor Metabolizer",
            "langsom omsetter (Poor Metabolizer)||Poor Metabolizer",
            "ultrarask omsetter||Ultrarapid Metabolizer",
            "rask omsetter||Rapid Metabolizer",
            "ubestemt||Indeterminate",
            "Likely Poor Metabolizer||Likely Poor Metabolizer",
            "possible IM||Possible Intermediate Metabolizer",
            "normal|metabolizer|Normal Metabolizer",
            "normal|function|Normal Function",
            "normal|g6pd|Normal",
            "normal function||Normal Function",
            "decreased function||Decreased Function",
            "Possible Decreased Function||Possible Decreased Function",
            "positive||positive",
            "Negative||negative",
            "-1639 GG||-1639 GG",
            "increased risk|risk|increased risk of aminoglycoside-induced hearing loss",
            "Uncertain Susceptibility||Uncertain Susceptibility",
    })
    void acceptsCommonSpellings(String text, String kind, String term) {
        assertThat(vocabulary.parse(text, kind)).isEqualTo(term);
    }

    @Test
    void ambiguousWordWithoutGeneContextIsRefused() {
        assertThatThrownBy(() -> vocabulary.parse("normal"))
                .isInstanceOfSatisfying(NotationException.class, e -> assertThat(e.field()).isEqualTo("phenotype"))
                .hasMessageContaining("'normal'").hasMessageContaining("ambiguous");
    }

    @Test
    void unknownPhenotypeIsNamed() {
        assertThatThrownBy(() -> vocabulary.parse("super metabolizer"))
                .isInstanceOf(NotationException.class).hasMessageContaining("'super metabolizer'");
        assertThatThrownBy(() -> vocabulary.parse("")).isInstanceOf(NotationException.class)
                .hasMessageContaining("empty");
    }

    /** Labels fixed by the project's clinical ground rules (docs/clinical-rules.md#norwegian-wording). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Poor Metabolizer|langsom omsetter",
            "Intermediate Metabolizer|intermediær omsetter",
            "Normal Metabolizer|normal omsetter",
            "Rapid Metabolizer|rask omsetter",
            "Ultrarapid Metabolizer|ultrarask omsetter",
            "Indeterminate|ubestemt",
            "Decreased Function|nedsatt funksjon",
            "Normal Function|normal funksjon",
            "Increased Function|økt funksjon",
    })
    void norwegianLabelsFollowTheClinicalRules(String term, String label) {
        assertThat(vocabulary.norwegianLabel(term)).isEqualTo(label);
    }

    @Test
    void aNormalMetabolizerIsNeverCalledRask() {
        assertThat(vocabulary.norwegianLabel(vocabulary.parse("extensive metabolizer"))).doesNotContain("rask");
        assertThat(vocabulary.norwegianLabel("Normal Metabolizer")).doesNotContain("rask");
    }

    @Test
    void everyTermHasALabelAndDisplayShowsBoth() {
        vocabulary.terms().forEach(t -> assertThat(vocabulary.norwegianLabel(t)).isNotBlank());
        assertThat(vocabulary.displayLabel("Poor Metabolizer")).isEqualTo("langsom omsetter (Poor Metabolizer)");
    }

    @Test
    void hlaStatusKeysAreLabelledItemByItem() {
        assertThat(vocabulary.norwegianLabel("*57:01 positive;*58:01 negative"))
                .isEqualTo("*57:01 påvist; *58:01 ikke påvist");
        assertThatThrownBy(() -> vocabulary.norwegianLabel("Fast Metabolizer")).isInstanceOf(NotationException.class);
    }

    @Test
    void tableStatesSourceVersionAndLicence() {
        assertThat(vocabulary.table().metadata()).containsKeys("source", "version", "licence");
    }
}
