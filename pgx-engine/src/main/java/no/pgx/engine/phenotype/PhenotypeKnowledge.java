package no.pgx.engine.phenotype;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.pgx.engine.PgxException;
import no.pgx.knowledge.CsvTable;
import no.pgx.terminology.genetics.AlleleStatusParser;
import no.pgx.terminology.genetics.DiplotypeParser;
import no.pgx.terminology.genetics.GeneRegistry;
import no.pgx.terminology.genetics.PhenotypeVocabulary;

/**
 * Everything phenotype calling reads: the terminology (genes, notation, vocabulary) and the versioned CPIC tables of
 * this package. Loaded once; immutable and thread-safe.
 */
final class PhenotypeKnowledge {
    static final String BASE = "no/pgx/knowledge/phenotype/";
    static final List<String> TABLES = List.of("allele_function.csv", "allele_aliases.csv", "function_phenotype.csv",
            "activity_score_cutoffs.csv", "phenotype_state.csv", "hla_risk_alleles.csv", "allele-aliases-lab.csv",
            "cyp4f2-alleles.csv", "variant_response.csv");

    private static volatile PhenotypeKnowledge defaultKnowledge;

    final GeneRegistry genes;
    final PhenotypeVocabulary vocabulary;
    final DiplotypeParser parser;
    final AlleleStatusParser statusParser;
    final Map<String, AlleleTable> alleles;
    final FunctionCombinations combinations;
    final ScoreCutoffs cutoffs;
    final PhenotypeStates states;
    final Map<String, List<String>> riskAlleles;
    /** Risk alleles ("HLA-B*15:11") a diplotype lists only when it carries them (column {@code listed}). */
    final java.util.Set<String> listedWhenPresent;
    /** Genes called by the strongest variant carried (CFTR for ivacaftor). */
    final VariantResponseCaller variantResponse;
    final Map<String, CsvTable> tables;

    private PhenotypeKnowledge(ClassLoader loader) {
        Map<String, CsvTable> t = new HashMap<>();
        for (String name : TABLES) {
            t.put(name, CsvTable.readResource(BASE + name, loader));
        }
        this.tables = Map.copyOf(t);
        this.genes = GeneRegistry.loadDefault();
        this.vocabulary = PhenotypeVocabulary.loadDefault();
        this.parser = DiplotypeParser.loadDefault();
        this.statusParser = new AlleleStatusParser(vocabulary);
        this.alleles = AlleleTable.load(t.get("allele_function.csv"), t.get("allele_aliases.csv"),
                t.get("allele-aliases-lab.csv"), t.get("cyp4f2-alleles.csv"));
        this.combinations = FunctionCombinations.load(t.get("function_phenotype.csv"));
        this.cutoffs = ScoreCutoffs.load(t.get("activity_score_cutoffs.csv"));
        this.states = PhenotypeStates.load(t.get("phenotype_state.csv"));
        this.riskAlleles = loadRiskAlleles(t.get("hla_risk_alleles.csv"));
        this.listedWhenPresent = whenPresent(t.get("hla_risk_alleles.csv"));
        this.variantResponse = VariantResponseCaller.load(t.get("variant_response.csv"), states);
    }

    /**
     * @return the bundled knowledge, loaded once
     * @throws PgxException when a bundled table is missing or malformed
     */
    static PhenotypeKnowledge loadDefault() {
        PhenotypeKnowledge k = defaultKnowledge;
        if (k == null) {
            synchronized (PhenotypeKnowledge.class) {
                k = defaultKnowledge;
                if (k == null) {
                    try {
                        k = new PhenotypeKnowledge(PhenotypeKnowledge.class.getClassLoader());
                    } catch (CsvTable.MalformedCsvException | IllegalArgumentException e) {
                        throw new PgxException("Cannot load the phenotype knowledge: " + e.getMessage(), e);
                    }
                    defaultKnowledge = k;
                }
            }
        }
        return k;
    }

    AlleleTable alleles(String gene) {
        AlleleTable t = alleles.get(gene);
        if (t == null) {
            throw new PgxException(gene, "diplotype", gene + ": no CPIC allele table is bundled for this gene");
        }
        return t;
    }

    private static java.util.Set<String> whenPresent(CsvTable table) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String listed = row.require("listed");
            if (listed.equals("when-present")) {
                out.add(row.require("gene") + row.require("allele"));
            } else if (!listed.equals("always")) {
                throw new IllegalArgumentException("hla_risk_alleles.csv line " + row.line() + ": listed must be always"
                        + " or when-present, not '" + listed + "'");
            }
        }
        return java.util.Set.copyOf(out);
    }

    private static Map<String, List<String>> loadRiskAlleles(CsvTable table) {
        Map<String, List<CsvTable.Row>> rows = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            rows.computeIfAbsent(row.require("gene"), g -> new ArrayList<>()).add(row);
        }
        Map<String, List<String>> map = new HashMap<>();
        rows.forEach((gene, list) -> {
            list.sort((a, b) -> Integer.compare(Integer.parseInt(a.require("order")), Integer.parseInt(b.require("order"))));
            map.put(gene, list.stream().map(r -> r.require("allele")).toList());
        });
        return Map.copyOf(map);
    }
}
