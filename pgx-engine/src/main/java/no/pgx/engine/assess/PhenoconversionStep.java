package no.pgx.engine.assess;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.pgx.engine.GeneResult;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Note;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Problem;
import no.pgx.engine.ResultState;
import no.pgx.engine.phenoconversion.Phenoconverter;

/**
 * The step between phenotype calling and rule evaluation that maps genotype-predicted results to functional ones
 * (drug–drug–gene interactions, docs/clinical-rules.md#phenoconversion) with the versioned policy of {@link Phenoconverter}.
 *
 * <p>Per request a {@link Session} is opened over the predicted results and the co-medication (drug ids); per assessed
 * drug it gives the functional results with that drug left out of its own co-medication (a drug's own guideline already
 * accounts for what it does to its own metabolism). Which drug ids are perpetrators, and of which genes, is computed
 * once at load, so that a request without a perpetrator costs a few hash lookups. {@link #OFF} (builder switch
 * {@code phenoconversion(false)}) leaves every result as predicted. Immutable and thread-safe; a session is not
 * thread-safe and lives for one request.
 */
final class PhenoconversionStep {
    /** No phenoconversion: the functional results are the predicted ones. */
    static final PhenoconversionStep OFF = new PhenoconversionStep(null, 0);

    private final Phenoconverter converter;
    /** Perpetrator drug id (lower case) → genes it phenoconverts under the policy. */
    private final Map<String, Set<String>> genesByPerpetrator;
    /** Policy outcomes: a pure function of the affected genes' predicted results, the perpetrators and the drug. */
    private final Cache<ApplyKey, Applied> applied;

    /** What the policy sees: the predicted results of the genes perpetrators can change, the perpetrators, the drug. */
    private record ApplyKey(List<GeneResult> results, Set<String> perpetrators, String self) {
    }

    /** The policy's outcome: phenoconversion per gene, and problems. */
    private record Applied(Map<String, Phenoconversion> conversions, List<Problem> problems) {
    }

    private PhenoconversionStep(Phenoconverter converter, long cacheSize) {
        this.converter = converter;
        this.applied = cacheSize <= 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
        Map<String, Set<String>> genes = new HashMap<>();
        if (converter != null) {
            for (String drug : converter.perpetrators()) {
                Set<String> g = converter.genesAffectedBy(drug);
                if (!g.isEmpty()) {
                    genes.put(drug.toLowerCase(Locale.ROOT), Set.copyOf(g));
                }
            }
        }
        this.genesByPerpetrator = Map.copyOf(genes);
    }

    /**
     * @param classLoader the loader to read the perpetrator table and the policy from
     * @throws no.pgx.engine.PgxException when they cannot be loaded
     */
    static PhenoconversionStep load(ClassLoader classLoader, long cacheSize) {
        return new PhenoconversionStep(Phenoconverter.load(classLoader), cacheSize);
    }

    /** @return true when phenoconversion is applied */
    boolean enabled() {
        return converter != null;
    }

    /** @return the genes a drug id phenoconverts (e.g. paroxetine → CYP2D6); empty for none or when off */
    Set<String> genesAffectedBy(String drugId) {
        return drugId == null ? Set.of() : genesByPerpetrator.getOrDefault(drugId.toLowerCase(Locale.ROOT), Set.of());
    }

    /** @return the words for a finding's "phenoconverted by …" slot */
    LocalizedText describe(Phenoconversion p) {
        return converter.describe(p);
    }

    /**
     * Opens a session for one request.
     *
     * @param predicted    genotype-predicted result per gene
     * @param coMedication drug ids of everything the patient takes or is being ordered
     */
    Session start(Map<String, GeneResult> predicted, Collection<String> coMedication) {
        Set<String> perpetrators = new TreeSet<>();
        Set<String> genes = new TreeSet<>();
        if (converter != null) {
            for (String drug : coMedication) {
                Set<String> g = genesAffectedBy(drug);
                if (!g.isEmpty()) {
                    perpetrators.add(drug);
                    genes.addAll(g);
                }
            }
        }
        return new Session(predicted, perpetrators, genes);
    }

    private Applied compute(ApplyKey key) {
        Map<String, GeneResult> byGene = new LinkedHashMap<>();
        key.results().forEach(r -> byGene.put(r.gene(), r));
        Phenoconverter.Result r = converter.apply(byGene, key.perpetrators(), key.self().isEmpty() ? null : key.self());
        Map<String, Phenoconversion> conversions = new LinkedHashMap<>();
        r.phenoconversions().forEach(p -> conversions.put(p.gene(), p));
        return new Applied(Map.copyOf(conversions), r.problems());
    }

    /**
     * The functional results for one assessed drug.
     *
     * @param results     functional result per gene (the predicted object where nothing changed)
     * @param conversions the phenoconversion per gene; empty when genotype-predicted
     */
    record Functional(Map<String, GeneResult> results, Map<String, Phenoconversion> conversions) {
    }

    /** One request's phenoconversions. Not thread-safe. */
    final class Session {
        private final Map<String, GeneResult> predicted;
        private final Set<String> perpetrators;
        private final Set<String> affectedGenes;
        private final Functional unchanged;
        private final Map<String, Functional> bySelf = new HashMap<>();
        private final Set<Phenoconversion> used = new LinkedHashSet<>();
        private final Set<Problem> problems = new LinkedHashSet<>();
        /** "gene|perpetrator" → drugs that could not take it into account because the gene has no result. */
        private final Map<String, Set<String>> untested = new TreeMap<>();

        private Session(Map<String, GeneResult> predicted, Set<String> perpetrators, Set<String> affectedGenes) {
            this.predicted = predicted;
            this.perpetrators = perpetrators;
            this.affectedGenes = affectedGenes;
            this.unchanged = new Functional(predicted, Map.of());
        }

        /** @return the perpetrators present (drug ids, sorted); empty when none or when off */
        Set<String> perpetrators() {
            return perpetrators;
        }

        /** Ordered perpetrators the patient does not already take: their effect on the current medication is new. */
        Set<String> newPerpetrators(Set<String> orderedIds, Set<String> medications) {
            if (perpetrators.isEmpty()) {
                return Set.of();
            }
            Set<String> out = new HashSet<>();
            for (String id : orderedIds) {
                if (perpetrators.contains(id) && !medications.contains(id)) {
                    out.add(id.toLowerCase(Locale.ROOT));
                }
            }
            return out;
        }

        /**
         * The current medication whose genes a newly ordered perpetrator changes (and that is not ordered itself).
         *
         * @param drugInfo the knowledge's drugs, by id
         */
        List<String> reassessed(List<String> ordered, Set<String> medications, Set<String> newPerpetrators,
                                Map<String, Knowledge.DrugInfo> drugInfo) {
            if (newPerpetrators.isEmpty()) {
                return List.of();
            }
            Set<String> genes = new HashSet<>();
            newPerpetrators.forEach(p -> genes.addAll(genesAffectedBy(p)));
            List<String> out = new ArrayList<>();
            for (String drug : new TreeSet<>(medications)) {
                Knowledge.DrugInfo info = drugInfo.get(drug);
                if (info != null && !ordered.contains(drug) && info.genes().stream().anyMatch(genes::contains)) {
                    out.add(drug);
                }
            }
            return out;
        }

        /**
         * @param drug  the assessed drug id
         * @param genes the genes its rows, test requirements or algorithm use
         * @return the functional results for that drug; the predicted ones when no perpetrator touches its genes
         */
        Functional forDrug(String drug, List<String> genes) {
            if (perpetrators.isEmpty() || !intersects(genes)) {
                return unchanged;
            }
            noteUntested(drug, genes);
            String self = perpetrators.contains(drug) ? drug : "";
            Functional f = bySelf.get(self);
            if (f == null) {
                Applied a = apply(self);
                if (a.conversions().isEmpty()) {
                    f = unchanged;
                } else {
                    Map<String, GeneResult> results = new LinkedHashMap<>(predicted);
                    a.conversions().forEach((gene, p) -> results.put(gene, p.functional()));
                    f = new Functional(results, a.conversions());
                }
                problems.addAll(a.problems());
                bySelf.put(self, f);
            }
            for (String gene : genes) {
                Phenoconversion p = f.conversions().get(gene);
                if (p != null) {
                    used.add(p);
                }
            }
            return f;
        }

        private Applied apply(String self) {
            List<GeneResult> relevant = new ArrayList<>(affectedGenes.size());
            for (String gene : affectedGenes) {
                GeneResult r = predicted.get(gene);
                if (r != null) {
                    relevant.add(r);
                }
            }
            ApplyKey key = new ApplyKey(relevant, perpetrators, self);
            if (applied == null) {
                return compute(key);
            }
            return applied.get(key, PhenoconversionStep.this::compute);
        }

        private boolean intersects(List<String> genes) {
            for (String g : genes) {
                if (affectedGenes.contains(g)) {
                    return true;
                }
            }
            return false;
        }

        /** Never phenoconvert a gene without a result (docs/clinical-rules.md): say so instead of staying silent. */
        private void noteUntested(String drug, List<String> genes) {
            for (String gene : genes) {
                if (!affectedGenes.contains(gene)) {
                    continue;
                }
                GeneResult r = predicted.get(gene);
                if (r != null && r.state() != ResultState.NOT_TESTED) {
                    continue;
                }
                for (String perpetrator : perpetrators) {
                    if (!perpetrator.equals(drug) && genesAffectedBy(perpetrator).contains(gene)) {
                        untested.computeIfAbsent(gene + "|" + perpetrator, k -> new TreeSet<>()).add(drug);
                    }
                }
            }
        }

        /** @return the phenoconversions applied to at least one assessed drug, in order of first use */
        List<Phenoconversion> applied() {
            return List.copyOf(used);
        }

        /**
         * @return informational notes: conversions the policy could not make, and perpetrators of genes without a result
         *         (not input faults, so not problems)
         */
        List<Note> notes(java.util.function.Function<String, String> drugNameNb) {
            List<Note> out = new ArrayList<>();
            for (Problem p : problems) {
                out.add(new Note("phenoconversion-not-applied", p.gene(), null, new LocalizedText(p.message(),
                        (p.gene() == null ? "" : p.gene() + ": ") + "samtidig legemiddel kunne ikke tas hensyn til"
                                + " (regelen for hemmere og induktorer gjelder ikke for dette resultatet);"
                                + " genotypebasert resultat er brukt.")));
            }
            untested.forEach((key, drugs) -> {
                String gene = key.substring(0, key.indexOf('|'));
                String perpetrator = key.substring(key.indexOf('|') + 1);
                String en = "No " + gene + " result on file: " + converter.describePerpetrator(perpetrator, gene)
                        + " is not taken into account for " + String.join(", ", drugs) + " (a gene without a result is"
                        + " never phenoconverted); test " + gene + " to assess the interaction";
                String nb = "Ingen " + gene + "-resultat registrert: " + converter.nameNb(perpetrator) + " påvirker "
                        + gene + ", men dette er ikke tatt med for " + String.join(", ", drugs.stream()
                        .map(drugNameNb).toList()) + " (et gen uten resultat justeres aldri). Test " + gene
                        + " for å vurdere interaksjonen.";
                out.add(new Note("interaction-gene-untested", gene, String.join(",", drugs), new LocalizedText(en, nb)));
            });
            return out;
        }
    }
}
