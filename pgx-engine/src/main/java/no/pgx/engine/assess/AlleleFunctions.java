package no.pgx.engine.assess;

import java.util.HashMap;
import java.util.Map;

import no.pgx.knowledge.CsvTable;

/**
 * The CPIC clinical function label of each allele, to match rows keyed on a pair of allele functions
 * ({@code DPYD=function:Decreased function/Decreased function}, DPWG). Reads the phenotype caller's allele table
 * ({@code no/pgx/knowledge/phenotype/allele_function.csv}); when that table is absent no pair is known and such rows do
 * not match (the lookup-key row applies instead). Immutable; thread-safe.
 */
final class AlleleFunctions {
    static final String RESOURCE = "no/pgx/knowledge/phenotype/allele_function.csv";

    private final Map<String, String> functionByAllele;

    private AlleleFunctions(Map<String, String> functionByAllele) {
        this.functionByAllele = functionByAllele;
    }

    static AlleleFunctions load(ClassLoader loader) {
        Map<String, String> map = new HashMap<>();
        if (loader.getResource(RESOURCE) != null) {
            CsvTable t = CsvTable.readResource(RESOURCE, loader);
            if (t.hasColumn("gene") && t.hasColumn("allele") && t.hasColumn("function")) {
                for (CsvTable.Row r : t.rows()) {
                    map.put(r.get("gene").trim() + "|" + r.get("allele").trim(), r.get("function").trim());
                }
            }
        }
        return new AlleleFunctions(Map.copyOf(map));
    }

    /**
     * @param diplotype normalised diplotype ({@code c.2846A>T/c.2846A>T}); may be null
     * @return the two function labels, sorted and joined by {@code /}, or null when a label is unknown
     */
    String pair(String gene, String diplotype) {
        if (diplotype == null) {
            return null;
        }
        String[] alleles = diplotype.split("/");
        if (alleles.length != 2) {
            return null;
        }
        String a = functionByAllele.get(gene + "|" + alleles[0].trim());
        String b = functionByAllele.get(gene + "|" + alleles[1].trim());
        if (a == null || b == null) {
            return null;
        }
        return a.compareTo(b) <= 0 ? a + "/" + b : b + "/" + a;
    }
}
