package no.pgx.engine.phenoconversion;

/** FDA strength class of an inhibitor or inducer; declared strongest first, so {@link #ordinal()} ranks them. */
enum Strength implements Labelled {
    STRONG("strong", "sterk"),
    MODERATE("moderate", "moderat"),
    WEAK("weak", "svak");

    private final String label;
    private final String labelNb;

    Strength(String label, String labelNb) {
        this.label = label;
        this.labelNb = labelNb;
    }

    /** @return the data spelling ({@code strong} …), also used in {@code Phenoconversion.strength} */
    @Override
    public String label() {
        return label;
    }

    /** @return the Norwegian Bokmål adjective ({@code sterk} …) */
    @Override
    public String labelNb() {
        return labelNb;
    }

    /** @return the strength for a data value, or null when unknown */
    static Strength parse(String value) {
        return Labelled.parse(Strength.class, value);
    }
}
