package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.pgx.knowledge.CsvTable;
import no.pgx.terminology.genetics.Gene;
import no.pgx.terminology.genetics.GeneRegistry;

/**
 * The HLA risk alleles the guidelines key on ({@code hla_risk_alleles.csv} of the knowledge base), per gene in table
 * order, and the HLA genes of the registry. Immutable.
 */
final class RiskAlleles {
    static final RiskAlleles DEFAULT = new RiskAlleles();

    private final Map<String, List<String>> byGene = new LinkedHashMap<>();
    /** "HLA-B*15:11": keys a guideline has only for carriers (column {@code listed} = {@code when-present}). */
    private final java.util.Set<String> whenPresent = new java.util.HashSet<>();
    private final GeneRegistry genes = GeneRegistry.loadDefault();

    private RiskAlleles() {
        for (CsvTable.Row row : CsvTable.readResource("no/pgx/knowledge/phenotype/hla_risk_alleles.csv",
                RiskAlleles.class.getClassLoader()).rows()) {
            byGene.computeIfAbsent(row.require("gene"), g -> new ArrayList<>()).add(row.require("allele"));
            if ("when-present".equals(row.getOrNull("listed"))) {
                whenPresent.add(row.require("gene") + row.require("allele"));
            }
        }
    }

    /** @return the risk alleles of an HLA gene ({@code *57:01}, …), in table order; empty when it has none */
    List<String> of(String gene) {
        return byGene.getOrDefault(gene, List.of());
    }

    /**
     * @return true when the allele is stated only when carried: no guideline keys on its absence, so a typing without
     *         it adds no "negative" status (the phenotype caller lists it the same way)
     */
    boolean listedOnlyWhenPresent(String gene, String allele) {
        return whenPresent.contains(gene + allele);
    }

    /** @return the registry's gene */
    Gene gene(String symbol) {
        return genes.require(symbol);
    }
}
