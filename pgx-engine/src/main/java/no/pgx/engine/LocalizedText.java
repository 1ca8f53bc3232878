package no.pgx.engine;

import java.util.Objects;

/**
 * A text in Norwegian Bokmål and English, written by this project from structured facts.
 *
 * @param en English text, never null
 * @param nb Norwegian Bokmål text, never null
 */
public record LocalizedText(String en, String nb) {
    /**
     * Checks the texts.
     *
     * @param en English text; not null
     * @param nb Norwegian Bokmål text; not null
     * @throws NullPointerException when a text is null
     */
    public LocalizedText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(nb, "nb");
    }

    /**
     * Returns the text for a language tag.
     *
     * @param language a BCP 47 language tag or prefix ({@code "nb"}, {@code "no"}, {@code "nn"}, {@code "en-GB"}); null means Bokmål
     * @return the English text for tags starting with {@code en}, otherwise the Bokmål text
     */
    public String in(String language) {
        return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? en : nb;
    }
}
