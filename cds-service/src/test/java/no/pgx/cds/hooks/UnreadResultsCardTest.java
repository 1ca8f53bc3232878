package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import no.pgx.cds.system.CdsProperties;
import no.pgx.engine.Problem;

/** The info card that says which PGx results could not be used: wording, escaping, limits. */
class UnreadResultsCardTest {
    private static final UnreadResultsCard CARDS = cards();

    private static UnreadResultsCard cards() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("cds-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        CdsProperties properties = new CdsProperties("nb", new CdsProperties.Cards("info", CodeSystems.PLACEHOLDER_BASE,
                "PGx", List.of(), "", "", false), new CdsProperties.Cors(List.of(), 0));
        return new UnreadResultsCard(new CardTexts(messages), new CodeSystems(properties));
    }

    private static final Problem NO_VALUE = new Problem("CYP2C19", "value",
            "Observation c19 (CYP2C19) has no value; the result is not used");
    private static final Problem ENTERED = new Problem("CYP2D6", "status",
            "Observation d6 (CYP2D6) has status entered-in-error; not read");

    @Test
    void nothingReadListsProblemsAndNotesInBothLanguages() {
        Card en = CARDS.card(List.of(NO_VALUE), List.of(ENTERED), true, "en");
        Card nb = CARDS.card(List.of(NO_VALUE), List.of(ENTERED), true, "nb");

        assertThat(en.summary()).isEqualTo("PGx results on file could not be used");
        assertThat(en.indicator()).isEqualTo("info");
        assertThat(en.detail()).startsWith("None of the pharmacogenomic results").contains("- **CYP2C19**: Observation c19")
                .contains("Observation d6");
        assertThat(en.source().topic().system()).isEqualTo("urn:example:pgx-cds:card-topic");
        assertThat(nb.summary()).isEqualTo("PGx-resultater i journalen kunne ikke brukes");
        assertThat(nb.detail()).startsWith("Ingen av de farmakogenetiske resultatene");
    }

    @Test
    void whenSomethingWasReadOnlyTheProblemsAreListed() {
        Card card = CARDS.card(List.of(NO_VALUE), List.of(ENTERED), false, "en");

        assertThat(card.detail()).startsWith("Some pharmacogenomic results").contains("Observation c19")
                .doesNotContain("Observation d6");
    }

    @Test
    void markupInAReaderMessageIsEscaped() {
        Problem odd = new Problem("CYP2C19", "diplotype", "CYP2C19 diplotype '<img src=x> [x](https://evil.test)'");

        String detail = CARDS.card(List.of(odd), List.of(), false, "en").detail();

        assertThat(detail).doesNotContainPattern("(?<!\\\\)<img").doesNotContainPattern("(?<!\\\\)\\]\\(https");
    }

    @Test
    void aLongListIsCutAndTheRestCounted() {
        List<Problem> many = new ArrayList<>();
        for (int i = 0; i < UnreadResultsCard.MAX_LINES + 5; i++) {
            many.add(new Problem(null, "value", "Observation o" + i + " has no value " + "x".repeat(600)));
        }

        String detail = CARDS.card(many, List.of(), false, "en").detail();

        assertThat(detail).contains("Observation o19 ").doesNotContain("Observation o20 ").contains("and 5 more")
                .doesNotContain("x".repeat(UnreadResultsCard.MAX_MESSAGE));
    }
}
