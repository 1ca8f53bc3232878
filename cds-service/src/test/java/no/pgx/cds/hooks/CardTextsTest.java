package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;

/** Both wording bundles have the same keys, and every action has a phrase. */
class CardTextsTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CardTextsTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bokmalAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("cds-messages_nb.properties").keySet())
                .containsExactlyInAnyOrderElementsOf(load("cds-messages.properties").keySet());
    }

    @Test
    void everyActionAndOverrideReasonHasWording() throws IOException {
        Properties en = load("cds-messages.properties");
        for (Action a : Action.values()) {
            assertThat(en).containsKey("action." + a.name());
        }
        for (String code : OverrideReasons.CODES) {
            assertThat(en).containsKey("override." + code);
        }
    }

    @Test
    void noApostrophesThatMessageFormatWouldEat() throws IOException {
        for (String bundle : new String[] {"cds-messages.properties", "cds-messages_nb.properties"}) {
            load(bundle).values().forEach(v -> assertThat((String) v).doesNotContain("'"));
        }
    }
}
