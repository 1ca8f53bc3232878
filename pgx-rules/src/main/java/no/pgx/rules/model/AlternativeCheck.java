package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: the outcome of one check of an {@link Alternative}, inserted by the alternative rules. The engine combines the
 * checks of an alternative: any {@link Verdict#REJECT} drops it, {@link Verdict#CAUTION} and
 * {@link Verdict#UNVERIFIED} keep it with the reason but never as a one-click suggestion.
 *
 * @param forDrug     the ordered drug; never null
 * @param alternative the alternative checked; never null
 * @param verdict     the outcome; never null
 * @param reason      what was found: a table row id ({@code ci-prasugrel-stroke}), a recommendation row id, or a
 *                    check name ({@code substrate:CYP2C9}); never null
 * @param detail      a value the text needs (the gene, the population, the action), or null
 */
public record AlternativeCheck(String forDrug, String alternative, Verdict verdict, String reason, String detail) {
    /** What a check found. */
    public enum Verdict {
        /** The alternative must not be offered (contraindicated, not recommended, guideline says avoid, wrong population). */
        REJECT,
        /** The alternative may be offered with the reason shown (caution, dose change for the patient's genotype). */
        CAUTION,
        /** A check could not be made because the fact it needs is unknown (age, weight, conditions, indication). */
        UNVERIFIED,
        /** The alternative is restricted to a population or indication and the order's is unknown. */
        SCOPE_UNKNOWN,
        /** The alternative is restricted to a population or indication and the order's matches. */
        SCOPE_MATCH
    }

    /**
     * Checks the required components.
     *
     * @param forDrug     the ordered drug; not null
     * @param alternative the alternative checked; not null
     * @param verdict     the outcome; not null
     * @param reason      what was found; not null
     * @param detail      a value the text needs, or null
     * @throws NullPointerException when {@code forDrug}, {@code alternative}, {@code verdict} or {@code reason} is null
     */
    public AlternativeCheck {
        Objects.requireNonNull(forDrug, "forDrug");
        Objects.requireNonNull(alternative, "alternative");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param a       the alternative checked (its {@code forDrug} and {@code drug} are used); not null
     * @param verdict the outcome; not null
     * @param reason  what was found (row id or check name); not null
     * @param detail  a value the text needs, or null
     * @return a check of an alternative
     * @throws NullPointerException when {@code a}, {@code verdict} or {@code reason} is null
     */
    public static AlternativeCheck of(Alternative a, Verdict verdict, String reason, String detail) {
        return new AlternativeCheck(a.forDrug(), a.drug(), verdict, reason, detail);
    }

    /**
     * @param severity a severity of the contraindications table ({@code caution}, or anything else); may be null
     * @return {@link Verdict#CAUTION} for {@code caution}; {@link Verdict#REJECT} for every other value, null included
     */
    public static Verdict forSeverity(String severity) {
        return "caution".equals(severity) ? Verdict.CAUTION : Verdict.REJECT;
    }
}
