package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values from the request render as themselves in card Markdown. */
class MarkdownTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<b>lab</b>|\\<b\\>lab\\</b\\>",
            "[x](https://evil.test)|\\[x\\](https\\://evil.test)",
            "**bold** _it_|\\*\\*bold\\*\\* \\_it\\_",
            "# heading|\\# heading",
            "Lab & Co|Lab \\& Co",
            "www.evil.test|www\\.evil.test",
            "Oslo universitetssykehus|Oslo universitetssykehus"})
    void activeCharactersAreEscaped(String in, String out) {
        assertThat(Markdown.text(in)).isEqualTo(out);
    }

    @Test
    void lineBreaksCannotStartANewBlock() {
        assertThat(Markdown.text("Lab\n# Heading\r\n- item")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void codeSpansAreFencedLongerThanAnyBacktickRunInside() {
        assertThat(Markdown.code("*2/*2")).isEqualTo("`*2/*2`");
        assertThat(Markdown.code("a`b")).isEqualTo("`` a`b ``");
        assertThat(Markdown.code("a``b")).isEqualTo("``` a``b ```");
        assertThat(Markdown.code("x\ny")).isEqualTo("`x y`");
    }
}
