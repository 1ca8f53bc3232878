package no.pgx.engine.phenoconversion;

import java.util.List;
import java.util.Objects;

/**
 * One row of the perpetrator table: a drug that inhibits or induces one enzyme, with its strength class.
 *
 * @param enzyme      enzyme (gene symbol, upper case), e.g. {@code CYP2D6}
 * @param drug        English INN, lower case (the drug id)
 * @param nameNb      Norwegian name, lower case
 * @param atc         systemic ATC codes, upper case; may be empty (e.g. a food)
 * @param effect      inhibitor or inducer
 * @param strength    FDA strength class
 * @param washoutDays days the effect lasts after the last dose when longer than usual, or null
 * @param source      where the class was checked
 * @param note        disputes and caveats, possibly empty
 * @param confidence  {@code source-checked}, {@code source-partial} or {@code recall-unverified}
 */
record Modulator(String enzyme, String drug, String nameNb, List<String> atc, Effect effect, Strength strength,
                 Integer washoutDays, String source, String note, String confidence) {
    Modulator {
        Objects.requireNonNull(enzyme, "enzyme");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(strength, "strength");
        atc = List.copyOf(atc);
    }

    /** @return e.g. {@code strong CYP2D6 inhibitor} */
    String describe() {
        return strength.label() + " " + enzyme + " " + effect.label();
    }

    /** @return e.g. {@code sterk CYP2D6-hemmer} */
    String describeNb() {
        return strength.labelNb() + " " + enzyme + "-" + effect.labelNb();
    }
}
