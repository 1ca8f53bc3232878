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

    public AlternativeCheck {
        Objects.requireNonNull(forDrug, "forDrug");
        Objects.requireNonNull(alternative, "alternative");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return a check of an alternative */
    public static AlternativeCheck of(Alternative a, Verdict verdict, String reason, String detail) {
        return new AlternativeCheck(a.forDrug(), a.drug(), verdict, reason, detail);
    }

    /** @return the verdict for a severity of the contraindications table */
    public static Verdict forSeverity(String severity) {
        return "caution".equals(severity) ? Verdict.CAUTION : Verdict.REJECT;
    }
}
