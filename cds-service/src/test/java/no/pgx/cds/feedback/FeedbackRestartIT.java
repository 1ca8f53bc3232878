package no.pgx.cds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import no.pgx.cds.CdsServiceApplication;
import no.pgx.cds.support.Http;

/**
 * Feedback survives a restart of the service (a new application context on the same store directory), and a card
 * issued before the restart can still receive feedback after it. Also checks the start-up WARN when security is off.
 */
@ExtendWith(OutputCaptureExtension.class)
class FeedbackRestartIT {

    private static ConfigurableApplicationContext start(Path dir) {
        return new SpringApplicationBuilder(CdsServiceApplication.class).run("--server.port=0",
                "--pgx.security.enabled=false", "--pgx.feedback.dir=" + dir);
    }

    private static Http client(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void feedbackIsReadableAfterARestart(@TempDir Path dir, CapturedOutput output) {
        String before;
        JsonNode secondCard;
        try (ConfigurableApplicationContext first = start(dir)) {
            Http http = client(first);
            JsonNode card = FeedbackIT.issueCard(http);
            before = card.get("uuid").asText();
            assertThat(http.post(FeedbackIT.FEEDBACK, FeedbackIT.body(FeedbackIT.overridden(before,
                    card.get("overrideReasons").get(1), "before restart"))).status()).isEqualTo(200);
            secondCard = FeedbackIT.issueCard(http);
        }
        assertThat(output.getOut()).contains("SECURITY IS OFF");

        try (ConfigurableApplicationContext second = start(dir)) {
            Http http = client(second);
            JsonNode stored = http.get(FeedbackIT.FEEDBACK).json().get("feedback");
            assertThat(stored.findValuesAsText("card")).contains(before);

            String suggestion = secondCard.get("suggestions").get(0).get("uuid").asText();
            assertThat(http.post(FeedbackIT.FEEDBACK, FeedbackIT.body(
                    FeedbackIT.accepted(secondCard.get("uuid").asText(), suggestion))).status()).isEqualTo(200);
        }
    }
}
