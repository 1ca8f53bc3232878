package no.pgx.engine;

import java.util.Locale;

/**
 * How urgent a piece of advice is; the names map one to one onto the CDS Hooks card indicator.
 * {@link #CRITICAL} for avoid, contraindicated and a test required before start; {@link #WARNING} for a dose change,
 * an alternative, an interaction or a recommended test; {@link #INFO} otherwise.
 */
public enum Indicator {
    /** Avoid, contraindicated, or a test required before start. */
    CRITICAL,
    /** A dose change, an alternative, an interaction or a recommended test. */
    WARNING,
    /** Anything neither critical nor a warning: information only. */
    INFO;

    /** @return the CDS Hooks indicator ({@code critical}, {@code warning}, {@code info}) */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
