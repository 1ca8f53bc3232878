package no.pgx.engine;

/**
 * Who a finding or guideline comes from: a pharmacogenetics guideline body (CPIC, DPWG) or, for a test that is needed
 * before a drug is started, the authority that asks for it (EMA, FDA, the product information).
 *
 * <p>{@link #label()} is the spelling used in the CLI and service output ({@code CPIC}, {@code SmPC} …); do not rely
 * on {@link #name()} or {@link #toString()} for output.
 */
public enum GuidelineSource {
    /** Clinical Pharmacogenetics Implementation Consortium. */
    CPIC("CPIC"),
    /** Dutch Pharmacogenetics Working Group. */
    DPWG("DPWG"),
    /** European Medicines Agency (e.g. the 2020 PRAC recommendation to test DPD before fluoropyrimidines). */
    EMA("EMA"),
    /** US Food and Drug Administration (label, boxed warning). */
    FDA("FDA"),
    /** The product information (summary of product characteristics) of the drug. */
    SMPC("SmPC");

    private final String label;

    GuidelineSource(String label) {
        this.label = label;
    }

    /** @return the label as written in the knowledge tables and the output ({@code CPIC}, {@code SmPC} …) */
    public String label() {
        return label;
    }

    /** @return true for the guideline bodies whose recommendation tables the engine selects from (CPIC, DPWG) */
    public boolean recommendationSource() {
        return this == CPIC || this == DPWG;
    }

    /**
     * Parses a label, ignoring case ({@code cpic}, {@code SmPC}).
     *
     * @param label a label or enum name ({@code SMPC}), surrounding blanks ignored
     * @return the source
     * @throws PgxException (field {@code source}) for an unknown label or null
     */
    public static GuidelineSource of(String label) {
        if (label != null) {
            String l = label.trim();
            for (GuidelineSource s : values()) {
                if (s.label.equalsIgnoreCase(l) || s.name().equalsIgnoreCase(l)) {
                    return s;
                }
            }
        }
        throw new PgxException(null, "source", "Unknown source '" + label + "' (known: CPIC, DPWG, EMA, FDA, SmPC)");
    }
}
