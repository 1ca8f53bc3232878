package no.pgx.cds.system;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Picks the card language: Norwegian Bokmål ({@code nb}) or English ({@code en}).
 *
 * <p>The {@code Accept-Language} header decides when it names one of the two (Norwegian {@code no}/{@code nb}/{@code nn}
 * count as Bokmål, the only written Norwegian the knowledge base has); otherwise {@code pgx.language} decides.
 * Thread-safe; never throws (a malformed header is ignored).
 */
@Component
public class Language {
    /** Norwegian Bokmål. */
    public static final String NB = "nb";
    /** English. */
    public static final String EN = "en";

    private final String defaultLanguage;

    public Language(CdsProperties properties) {
        this.defaultLanguage = normalise(properties.language());
    }

    /**
     * @param acceptLanguage the raw {@code Accept-Language} header, or null
     * @return {@code nb} or {@code en}
     */
    public String resolve(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return defaultLanguage;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String match = match(range.getRange());
                if (match != null) {
                    return match;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A malformed header is a client quirk, not an error: fall back to the configured language.
        }
        return defaultLanguage;
    }

    /** @return the configured default language ({@code nb} or {@code en}) */
    public String defaultLanguage() {
        return defaultLanguage;
    }

    private static String match(String range) {
        String r = range.toLowerCase(Locale.ROOT);
        if (r.equals("en") || r.startsWith("en-")) {
            return EN;
        }
        if (r.matches("(nb|no|nn)(-.*)?")) {
            return NB;
        }
        return null;
    }

    private static String normalise(String configured) {
        String m = configured == null ? null : match(configured.trim());
        return m == null ? NB : m;
    }
}
