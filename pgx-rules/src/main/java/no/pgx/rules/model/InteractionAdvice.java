package no.pgx.rules.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fact: what a source advises for a drug–drug–gene interaction ({@code clinical/interaction-advice.csv}).
 *
 * <p>The perpetrators are resolved at load: a named perpetrator, or every drug of {@code phenoconversion/
 * cyp-modulators.csv} with the row's enzyme (the gene when the row names none), effect and at least its strength. A row
 * whose enzyme is {@code CYP2D6+CYP3A4} needs a perpetrator of each ({@code perpetrators} and {@code alsoNeeded}).
 *
 * @param id           row id; never null
 * @param victim       the drug whose effect changes; never null
 * @param gene         the pharmacogene of the victim the row concerns; never null
 * @param named        true when the row names its perpetrator (more specific than a class row)
 * @param strength     rank of the class threshold (3 strong, 2 moderate, 1 weak; 4 for a named perpetrator)
 * @param perpetrators drug ids that are perpetrators for the row; never null
 * @param alsoNeeded   for two-enzyme rows, the drug ids of which one must also be taken; empty otherwise
 * @param sameGene     true when the perpetrator acts on the row's gene (the interaction is a phenoconversion of it)
 * @param phenotypes   the genotype-predicted phenotypes of the gene the row applies to; empty means any
 * @param advice       {@code replace-perpetrator}, {@code avoid-combination}, {@code reduce-dose} or {@code monitor}
 * @param severity     {@code contraindicated}, {@code not-recommended} or {@code caution}; never null
 * @param replaceWith  drugs that do not interact, in the source's order; never null
 * @param basis        {@code guideline-text}, {@code smpc} or {@code interaction-table}; never null
 * @param keepPerpetrator true unless the source keeps the victim and changes the perpetrator (tamoxifen with
 *                     paroxetine: change the antidepressant); the replacements then replace the victim (codeine with a
 *                     strong CYP2D6 inhibitor: morphine)
 */
public record InteractionAdvice(String id, String victim, String gene, boolean named, int strength,
                                Set<String> perpetrators, Set<String> alsoNeeded, boolean sameGene,
                                Set<String> phenotypes, String advice, String severity, List<String> replaceWith,
                                String basis, boolean keepPerpetrator) {
    /**
     * Checks the required components and keeps unmodifiable copies of the collections.
     *
     * @param id              row id; not null
     * @param victim          the drug whose effect changes; not null
     * @param gene            the victim's pharmacogene; not null
     * @param named           whether the row names its perpetrator
     * @param strength        rank of the class threshold
     * @param perpetrators    perpetrator drug ids; not null, no null element
     * @param alsoNeeded      for two-enzyme rows, the second set; null becomes empty; no null element
     * @param sameGene        whether the perpetrator acts on the row's gene
     * @param phenotypes      phenotypes the row applies to; null becomes empty (any); no null element
     * @param advice          what the source advises; not null
     * @param severity        how strict the advice is; not null
     * @param replaceWith     non-interacting drugs; not null, no null element
     * @param basis           what the advice rests on; not null
     * @param keepPerpetrator whether the replacements replace the victim
     * @throws NullPointerException when a required component, {@code perpetrators} or {@code replaceWith} is null, or
     *                              a collection holds null
     */
    public InteractionAdvice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(basis, "basis");
        perpetrators = Set.copyOf(perpetrators);
        alsoNeeded = alsoNeeded == null ? Set.of() : Set.copyOf(alsoNeeded);
        phenotypes = phenotypes == null ? Set.of() : Set.copyOf(phenotypes);
        replaceWith = List.copyOf(replaceWith);
    }

    /**
     * @param perpetrator a drug id; not null
     * @return true when the row covers this perpetrator (as a first perpetrator, not only in {@code alsoNeeded})
     * @throws NullPointerException when {@code perpetrator} is null
     */
    public boolean covers(String perpetrator) {
        return perpetrators.contains(perpetrator);
    }

    /**
     * @param context the request's context, for the patient's medication; not null
     * @return true when the patient takes a perpetrator of the row (and, for two-enzyme rows, one of each)
     */
    public boolean present(AssessmentContext context) {
        return takesAny(context, perpetrators) && (alsoNeeded.isEmpty() || takesAny(context, alsoNeeded));
    }

    /**
     * @param context the request's context, for the patient's medication; not null
     * @return the perpetrator of the row the patient takes (the first, sorted, so the answer is stable); for a
     *         two-enzyme row one of each joined by {@code +} (the first alone when no different second is taken);
     *         null when none
     */
    public String perpetratorIn(AssessmentContext context) {
        String first = perpetrators.stream().filter(context::takes).sorted().findFirst().orElse(null);
        if (first == null || alsoNeeded.isEmpty()) {
            return first;
        }
        String second = alsoNeeded.stream().filter(context::takes).filter(d -> !d.equals(first)).sorted().findFirst()
                .orElse(null);
        return second == null ? first : first + "+" + second;
    }

    /**
     * @param phenotype the genotype-predicted CPIC phenotype term of the row's gene; not null
     * @return true when the row applies to any phenotype, or to this genotype-predicted one
     * @throws NullPointerException when {@code phenotype} is null and the row names phenotypes
     */
    public boolean forPhenotype(String phenotype) {
        return phenotypes.isEmpty() || phenotypes.contains(phenotype);
    }

    /** @return true when the row names phenotypes it applies to */
    public boolean phenotypeSpecific() {
        return !phenotypes.isEmpty();
    }

    /** @return true when the product information contraindicates the combination */
    public boolean contraindicated() {
        return severity.equals("contraindicated");
    }

    /** @return how specific the row is: a named perpetrator (4) before a class threshold (3 strong … 1 weak) */
    public int specificity() {
        return named ? 4 : strength;
    }

    private static boolean takesAny(AssessmentContext context, Set<String> drugs) {
        for (String d : drugs) {
            if (context.takes(d)) {
                return true;
            }
        }
        return false;
    }
}
