package no.pgx.engine.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.Provenance;
import no.pgx.engine.ResultState;
import no.pgx.engine.phenotype.PhenotypeCaller;
import no.pgx.knowledge.CsvTable;

/**
 * Test support: one shared assessor over the shipped knowledge, and for every recommendation row a patient whose
 * results are exactly that row's key (read from the shipped tables, not from the implementation).
 */
final class RowCases {
    static final ClassLoader LOADER = RowCases.class.getClassLoader();
    static final PhenotypeCaller CALLER = PhenotypeCaller.loadDefault();
    static final Assessor ASSESSOR = Assessor.load(LOADER, Set.of("CPIC", "DPWG"), true, 10_000, CALLER);
    static final Knowledge KNOWLEDGE = Knowledge.load(LOADER);

    /** A table row as written. */
    record TableRow(String source, String id, String drug, String key, String population, String strength,
                    String action) {
        @Override
        public String toString() {
            return source + " " + id + " " + drug + " " + key + " (" + population + ")";
        }
    }

    private RowCases() {
    }

    static Stream<TableRow> rows() {
        List<TableRow> out = new ArrayList<>();
        for (String source : List.of("CPIC", "DPWG")) {
            CsvTable t = CsvTable.readResource("no/pgx/knowledge/guidelines/recommendations-" + source.toLowerCase()
                    + ".csv", LOADER);
            for (CsvTable.Row r : t.rows()) {
                out.add(new TableRow(source, r.require("id"), r.require("drug"), r.require("key"),
                        r.require("population"), r.get("strength").trim(), r.require("action")));
            }
        }
        return out.stream();
    }

    /** The patient's results for a row key: each gene with the value the row names; "No Result" genes left out. */
    static List<GeneResult> results(TableRow row) {
        List<GeneResult> out = new ArrayList<>();
        for (String part : row.key().split(";")) {
            String gene = part.substring(0, part.indexOf('='));
            String value = part.substring(part.indexOf('=') + 1);
            if (value.equals("No Result")) {
                continue;
            }
            out.add(result(gene, value));
        }
        return out;
    }

    static GeneResult result(String gene, String value) {
        if (value.startsWith("diplotype:")) {
            return CALLER.call(GeneInput.diplotype(gene, value.substring("diplotype:".length())));
        }
        if (value.startsWith("function:")) {
            String[] f = value.substring("function:".length()).split("/");
            return CALLER.call(GeneInput.diplotype(gene, allele(gene, f[0]) + "/" + allele(gene, f[1])));
        }
        if (value.startsWith("phenotype:")) {
            String phenotype = value.substring("phenotype:".length());
            Knowledge.KeyInfo k = KNOWLEDGE.keysOfPhenotype(gene, phenotype).get(0);
            return result(gene, k.key(), k);
        }
        return result(gene, value, KNOWLEDGE.key(gene, value));
    }

    private static GeneResult result(String gene, String key, Knowledge.KeyInfo k) {
        ResultState state = ResultState.valueOf(k.state());
        String score = k.kind().equals("activity-score") ? key : null;
        return GeneResult.builder().gene(gene).phenotype(k.phenotype()).activityScore(score).lookupKey(key).state(state)
                .provenance(Provenance.UNKNOWN).build();
    }

    /** An allele of the gene with the given CPIC clinical function, from the phenotype caller's allele table. */
    private static String allele(String gene, String function) {
        CsvTable t = CsvTable.readResource(AlleleFunctions.RESOURCE, LOADER);
        return t.rows().stream().filter(r -> r.get("gene").equals(gene) && r.get("function").equals(function))
                .map(r -> r.get("allele")).findFirst().orElseThrow();
    }

    /**
     * The request for a row: the row's drug, its population when not general, every finding shown, and the drug on
     * the medication list so that no "test before start" finding is added.
     */
    static AssessmentRequest request(TableRow row) {
        return request(row, List.of());
    }

    /** As {@link #request(TableRow)}, with more drugs on the medication list (e.g. a CYP inhibitor). */
    static AssessmentRequest request(TableRow row, List<String> moreMedication) {
        AssessmentRequest.Builder b = AssessmentRequest.builder().drug(row.drug()).medication(row.drug())
                .medications(moreMedication).includeNormal(true);
        if (!row.population().equals("general")) {
            b.population(row.population());
        }
        return b.build();
    }

    static Map<String, Knowledge.Row> payload() {
        return KNOWLEDGE.rows;
    }
}
