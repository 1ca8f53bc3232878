package no.pgx.engine.phenotype;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import no.pgx.engine.ResultState;
import no.pgx.knowledge.CsvTable;

/** Every valid phenotype per gene with its result state and class rank ({@code phenotype_state.csv}). Immutable. */
final class PhenotypeStates {
    static final String ANY_GENE = "*";

    /**
     * @param rank class rank for one-class shifts (0 = lowest activity), or null when the phenotype is not ordered
     */
    record Entry(String gene, String phenotype, ResultState state, Integer rank) {
    }

    private final Map<String, List<Entry>> byGene;

    private PhenotypeStates(Map<String, List<Entry>> byGene) {
        this.byGene = byGene;
    }

    static PhenotypeStates load(CsvTable table) {
        Map<String, List<Entry>> map = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            ResultState state;
            try {
                state = ResultState.valueOf(row.require("state").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown state '" + row.get("state") + "'");
            }
            if (state == ResultState.NOT_TESTED) {
                throw row.error("a tested phenotype cannot be NOT_TESTED");
            }
            String rank = row.getOrNull("rank");
            Entry e = new Entry(row.require("gene"), row.require("phenotype"), state,
                    rank == null ? null : Integer.valueOf(rank));
            map.computeIfAbsent(e.gene(), g -> new ArrayList<>()).add(e);
        }
        Map<String, List<Entry>> frozen = new HashMap<>();
        map.forEach((g, l) -> frozen.put(g, List.copyOf(l)));
        return new PhenotypeStates(Map.copyOf(frozen));
    }

    /** @return the entry of a phenotype for the gene (gene-specific first, then the rows for every gene) */
    Optional<Entry> entry(String gene, String phenotype) {
        for (Entry e : byGene.getOrDefault(gene, List.of())) {
            if (e.phenotype().equals(phenotype)) {
                return Optional.of(e);
            }
        }
        for (Entry e : byGene.getOrDefault(ANY_GENE, List.of())) {
            if (e.phenotype().equals(phenotype)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** @return the gene-specific entries (without the rows for every gene) */
    List<Entry> entries(String gene) {
        return byGene.getOrDefault(gene, List.of());
    }

    /** @return the names of every phenotype valid for the gene, for messages */
    List<String> names(String gene) {
        List<String> names = new ArrayList<>();
        entries(gene).forEach(e -> names.add(e.phenotype()));
        byGene.getOrDefault(ANY_GENE, List.of()).forEach(e -> names.add(e.phenotype()));
        return names;
    }
}
