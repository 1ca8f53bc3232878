package no.pgx.engine;

/**
 * How strongly the source grades a recommendation, as the recommendation tables carry it. CPIC grades its
 * recommendations (strong, moderate, optional); DPWG recommendations are not graded in the bundled data.
 *
 * <p>{@link #label()} is the spelling used in the CLI and service output ({@code Strong}, {@code Not graded}, and the
 * empty string for {@link #NONE}); do not rely on {@link #name()} or {@link #toString()} for output.
 */
public enum Strength {
    /** CPIC: strong recommendation. */
    STRONG("Strong"),
    /** CPIC: moderate recommendation. */
    MODERATE("Moderate"),
    /** CPIC: optional recommendation. */
    OPTIONAL("Optional"),
    /** The source classifies the row as giving no recommendation. */
    NO_RECOMMENDATION("No recommendation"),
    /** The source publishes the row without a grade (DPWG rows, some CPIC rows). */
    NOT_GRADED("Not graded"),
    /**
     * The finding does not come from a graded recommendation row: a test before start, a dosing algorithm, a guideline
     * without a row for the result. Its label is empty.
     */
    NONE("");

    private final String label;

    Strength(String label) {
        this.label = label;
    }

    /** @return the label as the tables carry it ({@code Strong}, {@code Not graded} …); empty for {@link #NONE} */
    public String label() {
        return label;
    }

    /**
     * Parses a label as the tables carry it, ignoring case; null or empty gives {@link #NONE}.
     *
     * @param label a label ({@code Strong}, {@code not graded}) or enum name ({@code NOT_GRADED}), surrounding blanks
     *              ignored; may be null
     * @return the strength
     * @throws PgxException (field {@code strength}) for an unknown label
     */
    public static Strength of(String label) {
        if (label == null || label.isBlank()) {
            return NONE;
        }
        String l = label.trim();
        for (Strength s : values()) {
            if (s.label.equalsIgnoreCase(l) || s.name().equalsIgnoreCase(l)) {
                return s;
            }
        }
        throw new PgxException(null, "strength", "Unknown recommendation strength '" + label
                + "' (known: Strong, Moderate, Optional, No recommendation, Not graded)");
    }
}
