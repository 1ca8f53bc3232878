package no.pgx.engine.phenotype;

import java.util.List;
import java.util.TreeSet;

import no.pgx.engine.PgxException;

/** One-class shifts along a gene's ranked phenotypes (phenoconversion of function-combination genes). Stateless. */
final class PhenotypeShift {
    private static final List<String> QUALIFIERS = List.of("Likely ", "Possible ");

    private PhenotypeShift() {
    }

    static String shift(PhenotypeStates states, String gene, String phenotype, int classes) {
        PhenotypeStates.Entry current = states.entry(gene, phenotype).filter(e -> e.rank() != null)
                .orElseThrow(() -> new PgxException(gene, "phenotype", gene + ": phenotype '" + phenotype
                        + "' has no class to shift from"));
        List<Integer> ranks = List.copyOf(new TreeSet<>(states.entries(gene).stream()
                .filter(e -> e.rank() != null).map(PhenotypeStates.Entry::rank).toList()));
        int index = ranks.indexOf(current.rank());
        long moved = (long) index + classes;
        int target = ranks.get((int) Math.max(0, Math.min(ranks.size() - 1, moved)));
        String qualifier = QUALIFIERS.stream().filter(phenotype::startsWith).findFirst().orElse("");
        List<PhenotypeStates.Entry> candidates = states.entries(gene).stream()
                .filter(e -> e.rank() != null && e.rank() == target).toList();
        for (PhenotypeStates.Entry e : candidates) {
            if (!qualifier.isEmpty() && e.phenotype().startsWith(qualifier)) {
                return e.phenotype();
            }
        }
        for (PhenotypeStates.Entry e : candidates) {
            if (QUALIFIERS.stream().noneMatch(e.phenotype()::startsWith)) {
                return e.phenotype();
            }
        }
        return candidates.get(0).phenotype();
    }
}
