package no.pgx.engine.phenoconversion;

import java.util.Locale;

/** A value of the phenoconversion tables: its data spelling and its Bokmål word. */
interface Labelled {
    /** @return the data spelling, also used in {@code Phenoconversion} */
    String label();

    /** @return the Norwegian Bokmål word */
    String labelNb();

    /** @return the constant of {@code type} spelled {@code value} in the data (trimmed, any case), or null */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(v)) {
                return e;
            }
        }
        return null;
    }
}
