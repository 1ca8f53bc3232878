package no.pgx.rules.model;

import java.util.List;
import java.util.Objects;

/**
 * Fact: what a source advises for a drug–drug–gene interaction ({@code clinical/interaction-advice.csv}).
 *
 * @param id                  row id; never null
 * @param victim              the drug whose effect changes; never null
 * @param gene                the enzyme; never null
 * @param perpetrator         the interacting drug, or null when the row applies to every perpetrator of the gene with
 *                            at least {@code perpetratorStrength}
 * @param perpetratorStrength {@code strong} or {@code moderate} (the weakest class the row covers); never null
 * @param advice              {@code replace-perpetrator}, {@code avoid-combination}, {@code reduce-dose} or
 *                            {@code monitor}; never null
 * @param replaceWith         drugs that do not interact, in the source's order; never null
 * @param basis               {@code guideline-text}, {@code smpc} or {@code interaction-table}; never null
 */
public record InteractionAdvice(String id, String victim, String gene, String perpetrator, String perpetratorStrength,
                                String advice, List<String> replaceWith, String basis) {
    public InteractionAdvice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(perpetratorStrength, "perpetratorStrength");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(basis, "basis");
        replaceWith = List.copyOf(replaceWith);
    }

    /** @return true when the row covers this perpetrator of its gene with this strength */
    public boolean covers(Phenoconverted p) {
        if (perpetrator != null) {
            return perpetrator.equals(p.perpetrator());
        }
        return rank(p.strength()) >= rank(perpetratorStrength);
    }

    /** @return how specific the row is: 4 when it names the perpetrator, else the rank of its strength threshold */
    public int specificity() {
        return perpetrator != null ? 4 : rank(perpetratorStrength);
    }

    /** @return true when the row names the perpetrator itself (more specific than a row for a strength class) */
    public boolean namesPerpetrator() {
        return perpetrator != null;
    }

    private static int rank(String strength) {
        return switch (strength == null ? "" : strength) {
            case "strong" -> 3;
            case "moderate" -> 2;
            case "weak" -> 1;
            default -> 0;
        };
    }
}
