package no.pgx.cds.hooks;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import no.pgx.cds.system.Language;

/**
 * Card wording in Bokmål and English from {@code cds-messages*.properties} (wording is data, not code).
 * Thread-safe.
 */
@Component
public class CardTexts {
    private static final Locale NB = Locale.forLanguageTag("nb");

    private final MessageSource messages;

    public CardTexts(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param language {@code nb} or {@code en}
     * @param key      message key
     * @param args     MessageFormat arguments
     * @return the text
     * @throws NoSuchMessageException when the key is missing (a packaging error, caught by the tests)
     */
    public String get(String language, String key, Object... args) {
        return messages.getMessage(key, args, locale(language));
    }

    /** As {@link #get}, but returns {@code fallback} when the key is missing (open vocabularies such as strength). */
    public String getOrDefault(String language, String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale(language));
    }

    private static Locale locale(String language) {
        return Language.EN.equals(language) ? Locale.ENGLISH : NB;
    }
}
