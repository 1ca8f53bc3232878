package no.pgx.engine.phenotype;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.pgx.knowledge.CsvTable;

/** Activity score → phenotype intervals per activity-score gene (CPIC cut-offs). Immutable. */
final class ScoreCutoffs {
    /**
     * One phenotype's interval.
     *
     * @param upper null when unbounded
     */
    record Interval(String phenotype, BigDecimal lower, boolean lowerInclusive, BigDecimal upper,
                    boolean upperInclusive) {
        boolean contains(BigDecimal v) {
            int lo = v.compareTo(lower);
            if (lo < 0 || (lo == 0 && !lowerInclusive)) {
                return false;
            }
            if (upper == null) {
                return true;
            }
            int hi = v.compareTo(upper);
            return hi < 0 || (hi == 0 && upperInclusive);
        }
    }

    private final Map<String, List<Interval>> byGene;

    private ScoreCutoffs(Map<String, List<Interval>> byGene) {
        this.byGene = byGene;
    }

    static ScoreCutoffs load(CsvTable table) {
        Map<String, List<Interval>> map = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String upper = row.getOrNull("upper");
            map.computeIfAbsent(row.require("gene"), g -> new ArrayList<>()).add(new Interval(row.require("phenotype"),
                    new BigDecimal(row.require("lower")), Boolean.parseBoolean(row.require("lower_inclusive")),
                    upper == null ? null : new BigDecimal(upper), Boolean.parseBoolean(row.require("upper_inclusive"))));
        }
        Map<String, List<Interval>> frozen = new HashMap<>();
        map.forEach((g, l) -> frozen.put(g, List.copyOf(l)));
        return new ScoreCutoffs(Map.copyOf(frozen));
    }

    /** @return the phenotype of a score, or empty when the score is outside every interval */
    Optional<String> phenotype(String gene, BigDecimal score) {
        for (Interval i : intervals(gene)) {
            if (i.contains(score)) {
                return Optional.of(i.phenotype());
            }
        }
        return Optional.empty();
    }

    /** @return the interval of a phenotype, or empty */
    Optional<Interval> interval(String gene, String phenotype) {
        return intervals(gene).stream().filter(i -> i.phenotype().equals(phenotype)).findFirst();
    }

    /** @return true when no score can be higher than the interval of this phenotype (a lower bound decides it) */
    boolean isOpenTop(String gene, String phenotype) {
        return interval(gene, phenotype).map(i -> i.upper() == null).orElse(false);
    }

    /** @return the highest possible score, or null when unbounded */
    BigDecimal maximum(String gene) {
        BigDecimal max = BigDecimal.ZERO;
        for (Interval i : intervals(gene)) {
            if (i.upper() == null) {
                return null;
            }
            max = max.max(i.upper());
        }
        return max;
    }

    List<Interval> intervals(String gene) {
        return byGene.getOrDefault(gene, List.of());
    }

    boolean hasGene(String gene) {
        return byGene.containsKey(gene);
    }
}
