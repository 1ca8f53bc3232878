package no.pgx.cds.hooks;

import java.util.Locale;

import no.pgx.engine.Action;

/**
 * Card urgency (CDS Hooks 2.0 {@code indicator}), ordered by increasing urgency, for comparing and filtering cards
 * (the engine's {@link no.pgx.engine.Indicator} names the same three values, most urgent first).
 *
 * <p>Mapping from the engine's action (docs/clinical-rules.md#what-a-finding-says): {@code critical} for avoid /
 * contraindicated and for a test required before start, {@code warning} for a dose change or an alternative,
 * {@code info} otherwise.
 */
public enum Urgency {
    INFO, WARNING, CRITICAL;

    /** @return the indicator for an action */
    public static Urgency of(Action action) {
        return switch (action) {
            case AVOID, TEST_REQUIRED -> CRITICAL;
            case CONSIDER_ALTERNATIVE, REDUCE_DOSE, INCREASE_DOSE -> WARNING;
            case STANDARD_DOSE, MONITOR, NO_RECOMMENDATION -> INFO;
        };
    }

    /**
     * @param value {@code info}, {@code warning} or {@code critical} (case-insensitive); anything else gives INFO
     * @return the indicator
     */
    public static Urgency parse(String value) {
        if (value == null) {
            return INFO;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "warning" -> WARNING;
            default -> INFO;
        };
    }

    /** @return the spec's wire value */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
