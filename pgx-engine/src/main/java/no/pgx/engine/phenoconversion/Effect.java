package no.pgx.engine.phenoconversion;

/** What a perpetrator does to an enzyme. */
enum Effect implements Labelled {
    INHIBITOR("inhibitor", "hemmer"),
    INDUCER("inducer", "induktor");

    private final String label;
    private final String labelNb;

    Effect(String label, String labelNb) {
        this.label = label;
        this.labelNb = labelNb;
    }

    /** @return the data spelling ({@code inhibitor}, {@code inducer}), also used in {@code Phenoconversion.effect} */
    @Override
    public String label() {
        return label;
    }

    /** @return the Norwegian Bokmål noun ({@code hemmer}, {@code induktor}) */
    @Override
    public String labelNb() {
        return labelNb;
    }

    /** @return the effect for a data value, or null when unknown */
    static Effect parse(String value) {
        return Labelled.parse(Effect.class, value);
    }
}
