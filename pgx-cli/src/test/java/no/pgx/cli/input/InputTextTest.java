package no.pgx.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputTextTest {
    @Test
    void findsControlFormatAndSeparatorCharacters() {
        assertThat(InputText.controlCharacter("*1/*4")).isEqualTo(-1);
        assertThat(InputText.controlCharacter("*2x≥3/*10 (HLA-B*57:01) ø")).isEqualTo(-1);
        assertThat(InputText.controlCharacter(null)).isEqualTo(-1);
        assertThat(InputText.controlCharacter("*1/*4\u0000")).isEqualTo(5);
        assertThat(InputText.controlCharacter("\t*1/*4")).isZero();
        assertThat(InputText.controlCharacter("*1\u200B/*4")).isEqualTo(2);
        assertThat(InputText.controlCharacter("*1/*4\u2028")).isEqualTo(5);
        assertThat(InputText.controlCharacter("\uFEFF*1/*4")).isZero();
    }

    @Test
    void theProblemNamesTheCodePointAndVisibleReplacesTheCharacters() {
        assertThat(InputText.controlCharacterProblem("CYP2D6 diplotype", "*1/*4\u0001"))
                .isEqualTo("CYP2D6 diplotype contains a control character (U+0001); remove it");
        assertThat(InputText.controlCharacterProblem("x", "fine")).isNull();
        assertThat(InputText.visible("a\u0000b")).isEqualTo("a\uFFFDb");
    }
}
