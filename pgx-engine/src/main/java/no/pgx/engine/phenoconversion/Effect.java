package no.pgx.engine.phenoconversion;

import java.util.Locale;

/** What a perpetrator does to an enzyme. */
enum Effect {
    INHIBITOR("inhibitor", "hemmer"),
    INDUCER("inducer", "induktor");

    private final String label;
    private final String labelNb;

    Effect(String label, String labelNb) {
        this.label = label;
        this.labelNb = labelNb;
    }

    /** @return the data spelling ({@code inhibitor}, {@code inducer}), also used in {@code Phenoconversion.effect} */
    String label() {
        return label;
    }

    /** @return the Norwegian Bokmål noun ({@code hemmer}, {@code induktor}) */
    String labelNb() {
        return labelNb;
    }

    /** @return the effect for a data value, or null when unknown */
    static Effect parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Effect e : values()) {
            if (e.label.equals(v)) {
                return e;
            }
        }
        return null;
    }
}
