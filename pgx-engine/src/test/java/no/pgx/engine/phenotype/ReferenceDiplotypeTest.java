package no.pgx.engine.phenotype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxException;
import no.pgx.knowledge.CsvTable;

/**
 * Reproduces every row of the CPIC reference diplotype table (the test oracle) by computation: phenotype, activity
 * score, lookup key and the CPIC spelling of the diplotype. A mismatch names the row.
 */
class ReferenceDiplotypeTest {
    private static final int REFERENCE_ROWS = 26_242;

    @Test
    void everyReferenceRowIsComputed() {
        CsvTable table = CsvTable.readResource("reference/diplotype_phenotype.csv");
        PhenotypeCaller caller = PhenotypeCaller.load(0);
        List<String> mismatches = new ArrayList<>();
        Map<String, int[]> perGene = new TreeMap<>();
        for (CsvTable.Row row : table.rows()) {
            String gene = row.get("gene");
            int[] counts = perGene.computeIfAbsent(gene, g -> new int[2]);
            counts[1]++;
            String problem = check(caller, row);
            if (problem == null) {
                counts[0]++;
            } else if (mismatches.size() < 50) {
                mismatches.add("line " + row.line() + " " + gene + " " + row.get("diplotype") + ": " + problem);
            }
        }
        int agree = perGene.values().stream().mapToInt(c -> c[0]).sum();
        StringBuilder report = new StringBuilder("Reference agreement " + agree + "/" + table.rows().size() + ":");
        perGene.forEach((g, c) -> report.append(' ').append(g).append(' ').append(c[0]).append('/').append(c[1]));
        System.out.println(report);
        assertThat(table.rows()).hasSize(REFERENCE_ROWS);
        assertThat(mismatches).as(report.toString()).isEmpty();
        assertThat(agree).isEqualTo(REFERENCE_ROWS);
    }

    private static String check(PhenotypeCaller caller, CsvTable.Row row) {
        GeneResult r;
        try {
            r = caller.call(GeneInput.diplotype(row.get("gene"), row.get("diplotype")));
        } catch (PgxException e) {
            return "error: " + e.getMessage();
        }
        List<String> problems = new ArrayList<>();
        expect(problems, "phenotype", row.get("phenotype"), r.phenotype());
        expect(problems, "activity_score", row.getOrNull("activity_score"), r.activityScore());
        expect(problems, "lookup_key", row.get("lookup_key"), r.lookupKey());
        expect(problems, "diplotype", row.get("diplotype"), r.diplotype());
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static void expect(List<String> problems, String column, String expected, String actual) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            problems.add(column + " expected '" + expected + "' but was '" + actual + "'");
        }
    }
}
