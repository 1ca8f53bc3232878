package no.pgx.rules.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fact: a recommendation (or a synthetic finding) that the rules propose for an ordered drug. Generated rules insert one
 * per matching table row; hand-written rules add synthetic ones and delete those that lose to precedence, population or
 * visibility rules. What is left at the end becomes the findings.
 *
 * <p>Built with the static factories; the derived components ({@code normalOnly}, {@code indeterminate},
 * {@code expanded}) are computed from the matched facts. Immutable.
 *
 * @param kind          what kind of candidate this is
 * @param id            the table row id, or a synthetic id for synthetic candidates; never null
 * @param source        {@code CPIC}, {@code DPWG} or, for test requirements, the source that asks for the test; never null
 * @param drug          the drug (English INN, lower case); never null
 * @param population    population key of the row ({@code general} when unrestricted); never null
 * @param action        the action name ({@code AVOID} …); never null
 * @param advice        action, strength, dose and alternatives joined: two candidates with equal advice say the same thing
 * @param genes         genes of the row's key, sorted; never null
 * @param specificity   how specific the key is: per gene 3 for a diplotype, 2 for a lookup key, 1 for a phenotype, 0 for
 *                      {@code No Result}, summed
 * @param facts         the gene facts the row matched (genes with {@code No Result} have none); never null
 * @param normalOnly    every matched fact is {@link GeneState#NORMAL} (untested genes count as normal here)
 * @param indeterminate some matched fact is {@link GeneState#INDETERMINATE}
 * @param expanded      some matched fact stands for a phenotype given without its activity score
 * @param riskAllelePositive some matched fact is a positive HLA risk allele
 * @param equivalence   {@code GENE=key} when the row was matched through a source equivalent (the source has no category
 *                      for the patient's key, see {@code vocabulary/source-equivalents.csv}), else null
 */
public record Candidate(Kind kind, String id, String source, String drug, String population, String action,
                        String advice, List<String> genes, int specificity, List<GeneFact> facts, boolean normalOnly,
                        boolean indeterminate, boolean expanded, boolean riskAllelePositive,
                        String equivalence) {

    /** What a candidate stands for. */
    public enum Kind {
        /** A recommendation row of a knowledge table. */
        RECOMMENDATION,
        /** A gene test is needed before a new start. */
        TEST_REQUIRED,
        /** A guideline covers the drug and gene, but no row matches the result (e.g. indeterminate). */
        NO_MATCH,
        /** The guideline is a dosing algorithm, not a lookup (CPIC warfarin). */
        ALGORITHM,
        /**
         * Co-medication alone makes the result actionable: advice on the drug–drug–gene interaction
         * ({@code clinical/interaction-advice.csv}, or the generic advice when no row covers it).
         */
        INTERACTION
    }

    /**
     * Checks the required components and keeps unmodifiable copies of the lists. Use the static factories, which
     * compute the derived components.
     *
     * @param kind               what kind of candidate this is; not null
     * @param id                 row id or synthetic id; not null
     * @param source             the source; not null
     * @param drug               the drug; not null
     * @param population         population key; not null
     * @param action             the action name; not null
     * @param advice             the joined advice
     * @param genes              genes of the row's key; not null, no null element
     * @param specificity        how specific the key is
     * @param facts              the matched gene facts; not null, no null element
     * @param normalOnly         every matched fact is normal
     * @param indeterminate      some matched fact is indeterminate
     * @param expanded           some matched fact stands for a phenotype without its score
     * @param riskAllelePositive some matched fact is a positive HLA risk allele
     * @param equivalence        {@code GENE=key} of a source-equivalent match, or null
     * @throws NullPointerException when a required component or a list is null, or a list holds null
     */
    public Candidate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(action, "action");
        genes = List.copyOf(genes);
        facts = List.copyOf(facts);
    }

    /**
     * A recommendation row that matched; called by the generated rules with the rule's metadata, which carries the
     * row's data: {@code id, source, drug, population, action, advice, specificity} and {@code key}
     * ({@code GENE=value;GENE=value}, genes sorted). When a fact matched through a source equivalent (its lookup key
     * differs from the row's plain value) the candidate records {@code GENE=patientKey} as its equivalence and ranks one
     * lower, so that a row written for the patient's own key wins.
     *
     * @param meta  the rule metadata; not null
     * @param facts the matched gene facts
     * @return the candidate, of kind {@link Kind#RECOMMENDATION}
     * @throws IllegalArgumentException when a metadata entry is missing (a generator bug)
     */
    public static Candidate recommendation(Map<String, Object> meta, GeneFact... facts) {
        List<String> genes = new ArrayList<>(2);
        Map<String, String> values = new HashMap<>(4);
        for (String part : meta(meta, "key").split(";")) {
            int eq = part.indexOf('=');
            genes.add(part.substring(0, eq));
            values.put(part.substring(0, eq), part.substring(eq + 1));
        }
        int specificity = Integer.parseInt(meta(meta, "specificity"));
        String equivalence = null;
        for (GeneFact f : facts) {
            String v = values.get(f.gene());
            if (v != null && v.indexOf(':') < 0 && f.allele() == null && !v.equals(f.lookupKey())) {
                equivalence = f.gene() + "=" + f.lookupKey();
                specificity -= 1;
            }
        }
        return of(Kind.RECOMMENDATION, meta(meta, "id"), meta(meta, "source"), meta(meta, "drug"),
                meta(meta, "population"), meta(meta, "action"), meta(meta, "advice"), genes, specificity,
                Arrays.asList(facts), equivalence);
    }

    private static String meta(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            throw new IllegalArgumentException("rule metadata @" + key + " missing: " + meta);
        }
        String s = v.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * A synthetic candidate (test required, no matching row, dosing algorithm), for the {@code general} population and
     * with specificity 0.
     *
     * @param kind   {@link Kind#TEST_REQUIRED}, {@link Kind#NO_MATCH} or {@link Kind#ALGORITHM}; not null
     * @param id     a synthetic id; not null
     * @param source the source behind it; not null
     * @param drug   the ordered drug; not null
     * @param action the action name; not null
     * @param genes  the genes concerned; not null
     * @param facts  the gene facts it rests on (may be empty); not null
     * @return the candidate
     * @throws NullPointerException when an argument is null
     */
    public static Candidate synthetic(Kind kind, String id, String source, String drug, String action,
                                      List<String> genes, List<GeneFact> facts) {
        return of(kind, id, source, drug, "general", action, kind + "|" + action, genes, 0, facts, null);
    }

    /**
     * Advice on a drug–drug–gene interaction.
     *
     * @param id          the interaction-advice row id, or {@code interaction:GENE} for the generic advice
     * @param basis       what the advice rests on ({@code guideline-text}, {@code smpc}, {@code interaction-table},
     *                    {@code policy} for the generic advice)
     * @param drug        the victim drug (the ordered drug)
     * @param action      the action name for the victim drug
     * @param gene        the gene of the victim the interaction concerns
     * @param perpetrator the co-medication causing it
     * @param primary     true when the interaction is what makes the advice (the genotype alone is not actionable);
     *                    false when it adds to advice the genotype gives anyway
     * @param facts       the gene facts
     * @return the candidate, of kind {@link Kind#INTERACTION}, with {@code basis} as its source and specificity 1 when
     *         primary, else 0
     */
    public static Candidate interaction(String id, String basis, String drug, String action, String gene,
                                        String perpetrator, boolean primary, List<GeneFact> facts) {
        return of(Kind.INTERACTION, id, basis, drug, "general", action,
                Kind.INTERACTION + "|" + action + "|" + perpetrator + "|" + (primary ? "primary" : "secondary"),
                List.of(gene), primary ? 1 : 0, facts, null);
    }

    /** @return for an interaction candidate, the perpetrator; else null */
    public String perpetrator() {
        if (kind != Kind.INTERACTION) {
            return null;
        }
        String[] parts = advice.split("\\|");
        return parts.length > 2 ? parts[2] : null;
    }

    /** @return for an interaction candidate, whether it is what makes the advice (not an addition to it) */
    public boolean primary() {
        return kind == Kind.INTERACTION && advice.endsWith("|primary");
    }

    private static Candidate of(Kind kind, String id, String source, String drug, String population, String action,
                                String advice, List<String> genes, int specificity, List<GeneFact> facts,
                                String equivalence) {
        boolean normal = true;
        boolean indeterminate = false;
        boolean expanded = false;
        boolean riskAllele = false;
        for (GeneFact f : facts) {
            normal &= f.state() == GeneState.NORMAL;
            indeterminate |= f.state() == GeneState.INDETERMINATE;
            expanded |= f.expanded();
            riskAllele |= f.allele() != null && f.state() == GeneState.ACTIONABLE;
        }
        return new Candidate(kind, id, source, drug, population, action, advice, genes, specificity, facts, normal,
                indeterminate, expanded, riskAllele, equivalence);
    }

    /**
     * @return the recommendation row the candidate stands for: its id, or for a variant of the row that a curated
     *         indication-dependent action made ({@code PA166299124@ia-quetiapine-depression}) the row's own id
     */
    public String rowId() {
        int at = id.indexOf('@');
        return at < 0 ? id : id.substring(0, at);
    }

    /**
     * @param variant the variant's id ({@code rowId@tableRowId}, see {@link IndicationAction#variantId()})
     * @param action  the action the row has for the order's indication
     * @return this recommendation with the action it has for the order's indication
     */
    public Candidate withIndicationAction(String variant, String action) {
        return new Candidate(kind, variant, source, drug, population, action, action + "|" + advice, genes,
                specificity, facts, normalOnly, indeterminate, expanded, riskAllelePositive, equivalence);
    }

    /**
     * @param gene gene symbol, upper case; not null
     * @return true when the row's key names the gene
     * @throws NullPointerException when {@code gene} is null
     */
    public boolean hasGene(String gene) {
        return genes.contains(gene);
    }

    /**
     * @param gene gene symbol, upper case
     * @return the lookup key the (first) matched fact of the gene has, or null when the gene has no matched fact
     */
    public String keyOf(String gene) {
        for (GeneFact f : facts) {
            if (f.gene().equals(gene)) {
                return f.lookupKey();
            }
        }
        return null;
    }

    /** @return true when the advice changes something (not standard dose, not "no recommendation") */
    public boolean changesTherapy() {
        return !action.equals("STANDARD_DOSE") && !action.equals("NO_RECOMMENDATION");
    }

    /**
     * @param other another candidate; not null
     * @return true when both candidates concern the same drug, source and population
     */
    public boolean sameSlot(Candidate other) {
        return drug.equals(other.drug) && source.equals(other.source) && population.equals(other.population);
    }
}
