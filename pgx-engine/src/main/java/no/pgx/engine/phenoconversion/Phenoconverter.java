package no.pgx.engine.phenoconversion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import no.pgx.engine.GeneResult;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.PgxException;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Problem;
import no.pgx.engine.ResultState;

/**
 * Turns genotype-predicted gene results into functional ones given the patient's co-medication (drug–drug–gene
 * interaction), following the versioned phenoconversion policy (docs/clinical-rules.md#phenoconversion): CYP2D6 activity score
 * × 0 for a strong and × 0.5 for a moderate inhibitor, re-mapped with the CPIC cut-offs; CYP2C19 strong inhibitor →
 * Poor Metabolizer, moderate → one class down, strong inducer → one class up; CYP2C9 activity score × 0 / × 0.5.
 * The strongest perpetrator wins (ties: first by name). {@code NOT_TESTED} and {@code INDETERMINATE} results are never
 * changed.
 *
 * <p>Co-medication is matched on the drug id (English INN), the Norwegian name or an ATC code, case-insensitively;
 * resolving other spellings and product codes to these is the caller's job. Drugs with a long washout (fluoxetine,
 * terbinafine, amiodarone) count only while the caller lists them, so the caller includes recently stopped drugs.
 *
 * <p>Load one instance at start-up with {@link #loadDefault()} and share it: instances are immutable and thread-safe.
 * No method logs patient data.
 */
public final class Phenoconverter {
    private final ModulatorTable table;
    private final Policy policy;
    private final RuleApplier applier;
    private final String version;

    private Phenoconverter(ModulatorTable table, Policy policy) {
        this.table = table;
        this.policy = policy;
        this.applier = new RuleApplier(policy);
        this.version = policy.version() + "+" + table.version();
    }

    /**
     * Loads the bundled perpetrator table and policy with this class's class loader.
     *
     * @return a new instance, immutable and thread-safe
     * @throws PgxException when the bundled knowledge is missing or invalid (the message names file, line and column)
     */
    public static Phenoconverter loadDefault() {
        return load(Phenoconverter.class.getClassLoader());
    }

    /**
     * Loads the perpetrator table ({@code no/pgx/knowledge/phenoconversion/cyp-modulators.csv}) and the policy
     * ({@code no/pgx/knowledge/phenoconversion/*.csv}) from a class loader.
     *
     * @param classLoader the class loader to read from; not null
     * @return a new instance, immutable and thread-safe
     * @throws PgxException when the knowledge is missing or invalid
     * @throws NullPointerException when {@code classLoader} is null
     */
    public static Phenoconverter load(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        return new Phenoconverter(ModulatorTable.load(classLoader), Policy.load(classLoader));
    }

    /**
     * Applies the policy.
     *
     * @param genotypePredicted gene results keyed as the caller likes (usually the gene symbol); not null, null values
     *                          are skipped
     * @param coMedication      drug ids, Norwegian names or ATC codes of everything else the patient takes (current
     *                          medication, recently stopped long-washout drugs, other drugs being ordered); null means
     *                          none. Unknown entries are ignored: they are not perpetrators in the table.
     * @return the functional results (same keys; unchanged entries are the same objects), the phenoconversions applied
     *         and any problems; never null
     */
    public Result apply(Map<String, GeneResult> genotypePredicted, Collection<String> coMedication) {
        return apply(genotypePredicted, coMedication, null);
    }

    /**
     * Applies the policy for the assessment of one drug, leaving that drug out of its own co-medication: a drug's own
     * guideline already accounts for what it does to its own metabolism (paroxetine, a strong CYP2D6 inhibitor, is not
     * to be assessed as if the patient were a CYP2D6 poor metabolizer because of itself).
     *
     * @param genotypePredicted as in {@link #apply(Map, Collection)}
     * @param coMedication      as in {@link #apply(Map, Collection)}; may contain the assessed drug
     * @param assessedDrug      drug id, Norwegian name or ATC code of the drug being assessed; null means none
     * @return as in {@link #apply(Map, Collection)}
     */
    public Result apply(Map<String, GeneResult> genotypePredicted, Collection<String> coMedication,
                        String assessedDrug) {
        Objects.requireNonNull(genotypePredicted, "genotypePredicted");
        List<Modulator> present = present(coMedication, assessedDrug);
        Map<String, GeneResult> functional = new LinkedHashMap<>(genotypePredicted);
        List<Phenoconversion> conversions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, GeneResult> entry : genotypePredicted.entrySet()) {
            GeneResult predicted = entry.getValue();
            List<Candidate> candidates = predicted == null || !eligible(predicted) ? List.of()
                    : candidates(predicted.gene(), present);
            if (candidates.isEmpty()) {
                continue;
            }
            Candidate winner = candidates.get(0);
            RuleApplier.Outcome outcome = applier.apply(predicted, winner.rule(), cause(winner.modulator()),
                    losers(candidates));
            if (outcome.problem() != null) {
                problems.add(outcome.problem());
            } else if (changed(predicted, outcome.functional())) {
                functional.put(entry.getKey(), outcome.functional());
                conversions.add(new Phenoconversion(predicted.gene(), winner.modulator().drug(),
                        winner.modulator().effect().label(), winner.modulator().strength().label(), predicted,
                        outcome.functional(), version));
            }
        }
        return new Result(functional, conversions, problems);
    }

    /** The perpetrator rows among the co-medication, without the assessed drug itself. */
    private List<Modulator> present(Collection<String> coMedication, String assessedDrug) {
        Set<String> self = new HashSet<>();
        if (assessedDrug != null) {
            self.add(ModulatorTable.normalise(assessedDrug));
            table.find(assessedDrug).forEach(m -> self.add(m.drug()));
        }
        return table.findAll(coMedication == null ? List.of() : coMedication).stream()
                .filter(m -> !self.contains(m.drug())).toList();
    }

    /**
     * The words a finding needs for its "phenoconverted by …" slot.
     *
     * @param phenoconversion a phenoconversion made by this instance; not null
     * @return e.g. en {@code phenoconverted by paroxetine (strong CYP2D6 inhibitor)}, nb {@code fordi paroksetin
     *         hemmer CYP2D6 (sterk hemmer)}: plain words in Bokmål, where "fenokonvertert" is jargon
     */
    public LocalizedText describe(Phenoconversion phenoconversion) {
        Objects.requireNonNull(phenoconversion, "phenoconversion");
        String gene = phenoconversion.gene().toUpperCase(Locale.ROOT);
        Optional<Modulator> row = table.find(phenoconversion.perpetrator()).stream()
                .filter(m -> m.enzyme().equals(gene)).findFirst();
        if (row.isEmpty()) {
            String what = phenoconversion.strength() + " " + gene + " " + phenoconversion.effect();
            return new LocalizedText("phenoconverted by " + phenoconversion.perpetrator() + " (" + what + ")",
                    "fordi " + phenoconversion.perpetrator() + " " + verbNb(phenoconversion.effect()) + " " + gene);
        }
        Modulator m = row.get();
        String nameNb = m.nameNb().isEmpty() ? m.drug() : m.nameNb();
        return new LocalizedText("phenoconverted by " + m.drug() + " (" + m.describe() + ")",
                "fordi " + nameNb + " " + verbNb(m.effect().name()) + " " + gene + " (" + m.strength().labelNb() + " "
                        + m.effect().labelNb() + ")");
    }

    private static String verbNb(String effect) {
        return effect != null && effect.toLowerCase(Locale.ROOT).startsWith("induc") ? "induserer" : "hemmer";
    }

    /**
     * The genes whose result this drug can change under the policy, e.g. {@code paroxetine} → {@code [CYP2D6]}. Lets a
     * caller see that ordering a perpetrator calls for re-assessing the current medication.
     *
     * @param drugOrCode drug id, Norwegian name or ATC code; null gives an empty set
     * @return gene symbols, sorted; empty for a drug that is no perpetrator (or only a weak one)
     */
    public Set<String> genesAffectedBy(String drugOrCode) {
        if (drugOrCode == null) {
            return Set.of();
        }
        Set<String> genes = new TreeSet<>();
        for (Modulator m : table.find(drugOrCode)) {
            policy.rule(m.enzyme(), m.effect(), m.strength()).filter(Policy.Rule::applies)
                    .ifPresent(r -> genes.add(m.enzyme()));
        }
        return Collections.unmodifiableSet(genes);
    }

    /**
     * The drug ids of the perpetrator table (every enzyme, every strength), so that a caller can index them once at
     * start-up; {@link #genesAffectedBy(String)} tells which of them the policy applies to which gene.
     *
     * @return drug ids (English INN, lower case), sorted; never null
     */
    public Set<String> perpetrators() {
        Set<String> drugs = new TreeSet<>();
        table.all().forEach(m -> drugs.add(m.drug()));
        return Collections.unmodifiableSet(drugs);
    }

    /**
     * Names a perpetrator with its class for one gene, for messages.
     *
     * @param drugOrCode drug id, Norwegian name or ATC code
     * @param gene       gene symbol
     * @return e.g. {@code paroxetine (strong CYP2D6 inhibitor)}; the input itself when the table has no such row
     */
    public String describePerpetrator(String drugOrCode, String gene) {
        String enzyme = gene == null ? "" : gene.toUpperCase(Locale.ROOT);
        return table.find(drugOrCode).stream().filter(m -> m.enzyme().equals(enzyme)).findFirst()
                .map(Phenoconverter::cause).orElse(String.valueOf(drugOrCode));
    }

    /**
     * @param drugOrCode drug id, Norwegian name or ATC code (case-insensitive); may be null
     * @return the Norwegian name of a perpetrator; the input itself when the table has no name for it ({@code "null"}
     *         for null)
     */
    public String nameNb(String drugOrCode) {
        return table.find(drugOrCode).stream().map(Modulator::nameNb).filter(n -> !n.isEmpty()).findFirst()
                .orElse(String.valueOf(drugOrCode));
    }

    /** @return the version stamped on every {@link Phenoconversion}: policy version + perpetrator-table version */
    public String policyVersion() {
        return version;
    }

    private record Candidate(Modulator modulator, Policy.Rule rule) {
    }

    private static final Comparator<Candidate> STRONGEST_FIRST = Comparator
            .comparingInt((Candidate c) -> c.modulator().strength().ordinal())
            .thenComparing(c -> c.modulator().drug());

    private List<Candidate> candidates(String gene, List<Modulator> present) {
        String enzyme = gene.toUpperCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        for (Modulator m : present) {
            if (m.enzyme().equals(enzyme)) {
                policy.rule(enzyme, m.effect(), m.strength()).filter(Policy.Rule::applies)
                        .ifPresent(rule -> candidates.add(new Candidate(m, rule)));
            }
        }
        candidates.sort(STRONGEST_FIRST);
        return candidates;
    }

    private static List<String> losers(List<Candidate> candidates) {
        List<String> notes = new ArrayList<>();
        for (Candidate c : candidates.subList(1, candidates.size())) {
            notes.add("Also taking " + cause(c.modulator()) + ": not applied, the strongest perpetrator ("
                    + candidates.get(0).modulator().drug() + ") decides.");
        }
        return notes;
    }

    private static String cause(Modulator m) {
        return m.drug() + " (" + m.describe() + ")";
    }

    private static boolean eligible(GeneResult r) {
        if (r.state() == ResultState.NOT_TESTED || r.state() == ResultState.INDETERMINATE) {
            return false;
        }
        String phenotype = r.phenotype();
        return phenotype != null && !phenotype.isBlank() && !phenotype.equalsIgnoreCase("Indeterminate")
                && !phenotype.equalsIgnoreCase(GeneResult.NO_RESULT);
    }

    private static boolean changed(GeneResult predicted, GeneResult functional) {
        return !Objects.equals(predicted.phenotype(), functional.phenotype())
                || !Objects.equals(predicted.activityScore(), functional.activityScore())
                || !Objects.equals(predicted.lookupKey(), functional.lookupKey());
    }

    /**
     * The outcome of {@link #apply(Map, Collection)}.
     *
     * @param functional       gene results after phenoconversion, with the caller's keys; unmodifiable
     * @param phenoconversions the changes made, each with both results; empty when none
     * @param problems         results the policy could not convert (e.g. a phenotype it does not know); for those the
     *                         genotype-predicted result was kept, and the problem says so
     */
    public record Result(Map<String, GeneResult> functional, List<Phenoconversion> phenoconversions,
                         List<Problem> problems) {
        /**
         * Keeps unmodifiable copies (the map in its iteration order).
         *
         * @param functional       gene results after phenoconversion; not null
         * @param phenoconversions the changes made; not null, no null element
         * @param problems         results that could not be converted; not null, no null element
         * @throws NullPointerException when a component is null or a list holds null
         */
        public Result {
            functional = Collections.unmodifiableMap(new LinkedHashMap<>(functional));
            phenoconversions = List.copyOf(phenoconversions);
            problems = List.copyOf(problems);
        }

        /**
         * @param gene gene symbol, case-insensitive; null gives empty
         * @return the phenoconversion of a gene, if its result was changed
         */
        public Optional<Phenoconversion> phenoconversion(String gene) {
            return phenoconversions.stream().filter(p -> p.gene().equalsIgnoreCase(gene)).findFirst();
        }

        /**
         * @param gene gene symbol, case-insensitive; null gives false
         * @return true when the gene's result was changed by co-medication
         */
        public boolean phenoconverted(String gene) {
            return phenoconversion(gene).isPresent();
        }

        /** @return the genes that were phenoconverted, in result order */
        public Set<String> phenoconvertedGenes() {
            Set<String> genes = new LinkedHashSet<>();
            phenoconversions.forEach(p -> genes.add(p.gene()));
            return Collections.unmodifiableSet(genes);
        }
    }
}
