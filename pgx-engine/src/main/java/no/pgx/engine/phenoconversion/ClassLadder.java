package no.pgx.engine.phenoconversion;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Phenotype class steps ({@code class-ladder.csv}): one class down and one class up per gene and CPIC phenotype.
 * Package-private stand-in until {@code PhenotypeCaller} offers a shift helper. Immutable.
 */
final class ClassLadder {
    static final String RESOURCE = "no/pgx/knowledge/phenoconversion/class-ladder.csv";
    private static final List<String> COLUMNS = List.of("gene", "phenotype", "down", "up");

    private record Step(String down, String up) {
    }

    private final String version;
    private final Map<String, Step> steps;

    private ClassLadder(String version, Map<String, Step> steps) {
        this.version = version;
        this.steps = Map.copyOf(steps);
    }

    static ClassLadder load(ClassLoader loader) {
        KnowledgeTable csv = KnowledgeTable.read(loader, RESOURCE, COLUMNS);
        Map<String, Step> steps = new HashMap<>();
        for (KnowledgeTable.Row row : csv.rows()) {
            String key = key(row.required("gene"), row.required("phenotype"));
            if (steps.put(key, new Step(row.required("down"), row.required("up"))) != null) {
                throw row.fail("duplicate row for " + row.get("gene") + " " + row.get("phenotype"));
            }
        }
        return new ClassLadder(csv.requiredMetadata("version"), steps);
    }

    private static String key(String gene, String phenotype) {
        return gene.trim().toUpperCase(Locale.ROOT) + "|" + phenotype.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Moves a phenotype a number of classes (negative = down).
     *
     * @return the phenotype reached, or empty when the gene or phenotype is not on the ladder
     */
    Optional<String> shift(String gene, String phenotype, int classes) {
        if (phenotype == null) {
            return Optional.empty();
        }
        String current = phenotype;
        for (int i = 0; i < Math.abs(classes); i++) {
            Step step = steps.get(key(gene, current));
            if (step == null) {
                return Optional.empty();
            }
            current = classes < 0 ? step.down() : step.up();
        }
        return steps.containsKey(key(gene, current)) ? Optional.of(current) : Optional.empty();
    }

    /** @return true when the ladder knows this phenotype for the gene */
    boolean knows(String gene, String phenotype) {
        return phenotype != null && steps.containsKey(key(gene, phenotype));
    }

    String version() {
        return version;
    }
}
