package no.pgx.engine.phenoconversion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Activity score to phenotype bands ({@code score-bands.csv}), used to re-map a scaled score with the CPIC cut-offs.
 * Package-private stand-in until {@code PhenotypeCaller} exposes the cut-offs. Immutable.
 */
final class ScoreBands {
    static final String RESOURCE = "no/pgx/knowledge/phenoconversion/score-bands.csv";
    private static final List<String> COLUMNS = List.of("gene", "phenotype", "min", "min_inclusive", "max",
            "max_inclusive", "grid");

    /** One band: min/max null = unbounded. */
    record Band(String phenotype, BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive,
                BigDecimal grid) {
        boolean contains(BigDecimal score) {
            boolean aboveMin = min == null || (minInclusive ? score.compareTo(min) >= 0 : score.compareTo(min) > 0);
            boolean belowMax = max == null || (maxInclusive ? score.compareTo(max) <= 0 : score.compareTo(max) < 0);
            return aboveMin && belowMax;
        }
    }

    private final String version;
    private final Map<String, List<Band>> bands;

    private ScoreBands(String version, Map<String, List<Band>> bands) {
        this.version = version;
        this.bands = Map.copyOf(bands);
    }

    static ScoreBands load(ClassLoader loader) {
        KnowledgeTable csv = KnowledgeTable.read(loader, RESOURCE, COLUMNS);
        Map<String, List<Band>> byGene = new HashMap<>();
        for (KnowledgeTable.Row row : csv.rows()) {
            String gene = row.required("gene").toUpperCase(Locale.ROOT);
            Band band = new Band(row.required("phenotype"), number(row, "min"), flag(row, "min_inclusive"),
                    number(row, "max"), flag(row, "max_inclusive"), number(row, "grid"));
            if (band.grid() == null || band.grid().signum() <= 0) {
                throw row.fail("grid must be a positive number");
            }
            byGene.computeIfAbsent(gene, g -> new ArrayList<>()).add(band);
        }
        byGene.replaceAll((g, list) -> List.copyOf(list));
        return new ScoreBands(csv.requiredMetadata("version"), byGene);
    }

    private static BigDecimal number(KnowledgeTable.Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw row.fail("column '" + column + "' is not a number: '" + v + "'");
        }
    }

    private static boolean flag(KnowledgeTable.Row row, String column) {
        String v = row.get(column).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw row.fail("column '" + column + "' must be true or false: '" + v + "'");
        }
        return v.equals("true");
    }

    /** @return the genes that have bands */
    Set<String> genes() {
        return bands.keySet();
    }

    /** @return the band holding the score, or empty (no bands for the gene, or a gap) */
    Optional<Band> band(String gene, BigDecimal score) {
        return bands.getOrDefault(gene, List.of()).stream().filter(b -> b.contains(score)).findFirst();
    }

    /**
     * The score to look recommendations up with: the score itself when it lies on the band's grid, else the nearest
     * grid value below it that stays in the same band, else the nearest above it (CPIC keys recommendations on grid
     * values only, e.g. CYP2D6 in steps of 0.25).
     *
     * @return the lookup score, or empty when the score lies in no band
     */
    Optional<BigDecimal> lookupScore(String gene, BigDecimal score) {
        Optional<Band> band = band(gene, score);
        if (band.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal grid = band.get().grid();
        BigDecimal steps = score.divide(grid, 0, RoundingMode.FLOOR);
        BigDecimal below = steps.multiply(grid);
        if (band.get().contains(below)) {
            return Optional.of(below);
        }
        BigDecimal above = below.add(grid);
        return band.get().contains(above) ? Optional.of(above) : Optional.of(score);
    }

    String version() {
        return version;
    }
}
