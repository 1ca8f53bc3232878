package no.pgx.engine.phenotype;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import no.pgx.knowledge.CsvTable;

/**
 * Phenotype from the sorted pair of allele function labels (CPIC), per function-combination gene; one label for the
 * mitochondrial MT-RNR1. Immutable.
 */
final class FunctionCombinations {
    private final Map<String, Map<String, String>> byGene;

    private FunctionCombinations(Map<String, Map<String, String>> byGene) {
        this.byGene = byGene;
    }

    static FunctionCombinations load(CsvTable table) {
        Map<String, Map<String, String>> map = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String f1 = row.require("function_1");
            String f2 = row.get("function_2").trim();
            if (!f2.isEmpty() && f1.compareTo(f2) > 0) {
                throw row.error("function_1 must sort before function_2");
            }
            String previous = map.computeIfAbsent(row.require("gene"), g -> new HashMap<>())
                    .put(key(f1, f2), row.require("phenotype"));
            if (previous != null) {
                throw row.error("duplicate function pair");
            }
        }
        Map<String, Map<String, String>> frozen = new HashMap<>();
        map.forEach((g, m) -> frozen.put(g, Map.copyOf(m)));
        return new FunctionCombinations(Map.copyOf(frozen));
    }

    /**
     * @param second the other label, or null for a single (mitochondrial) allele
     * @return the CPIC phenotype of the pair, in either order
     */
    Optional<String> phenotype(String gene, String first, String second) {
        Map<String, String> m = byGene.get(gene);
        if (m == null) {
            return Optional.empty();
        }
        if (second == null) {
            return Optional.ofNullable(m.get(key(first, "")));
        }
        return Optional.ofNullable(first.compareTo(second) <= 0 ? m.get(key(first, second)) : m.get(key(second, first)));
    }

    /** @return gene → pair key → phenotype (for integrity checks) */
    Map<String, Map<String, String>> all() {
        return byGene;
    }

    static String key(String first, String second) {
        return first + "\u0000" + second;
    }
}
