package no.pgx.engine.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import no.pgx.engine.GeneInput;
import no.pgx.terminology.genetics.DiplotypeParser;
import no.pgx.terminology.genetics.GeneRegistry;
import no.pgx.terminology.genetics.NotationException;

/**
 * Combines the candidates of a document into one {@link GeneInput} per gene, by a stated rule that never depends on
 * the order of the document:
 * <ol>
 *   <li>Lab results (genotype, haplotype, phenotype, activity-score, allele-status Observations) come before
 *   therapeutic implications, which are used only for a gene with no lab result; final results come before
 *   preliminary ones, which are used only when the gene has no final result.</li>
 *   <li>The newest results are used: the latest date (effective, else issued), undated results last. Older results
 *   are superseded: listed as a note when they agree, as a problem naming both when they differ.</li>
 *   <li>Results of the same date are one report and are combined: a genotype and the phenotype and activity score
 *   Observations; two haplotypes make the diplotype ({@code *1} and {@code *7} → {@code *1/*7}; one haplotype stated
 *   homozygous makes {@code *7/*7}). The same diplotype written twice is one result (the more specific spelling is
 *   used: {@code *4.001} over {@code *4}).</li>
 *   <li>Results of the same date that differ (two diplotypes, haplotypes that do not match the genotype, two
 *   phenotypes without a genotype) make the gene {@code Indeterminate}, with a problem naming both; for HLA genes the
 *   risk allele they disagree on is left out (indeterminate, never negative) and the others are kept.</li>
 * </ol>
 * Stateless.
 */
final class ResultMerger {
    static final String INDETERMINATE = "Indeterminate";
    private static final GeneRegistry GENES = GeneRegistry.loadDefault();
    /** Newest first; undated results last; then the later issued; then document order. */
    private static final Comparator<ObservationReading> NEWEST_FIRST = Comparator
            .comparing(ObservationReading::when, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(ObservationReading::issued, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparingInt(ObservationReading::order);

    private ResultMerger() {
    }

    static List<GeneInput> merge(Collected in) {
        Map<String, List<ObservationReading>> groups = new LinkedHashMap<>();
        for (ObservationReading c : in.candidates) {
            groups.computeIfAbsent(c.gene(), k -> new ArrayList<>()).add(c);
        }
        List<GeneInput> results = new ArrayList<>();
        for (List<ObservationReading> group : groups.values()) {
            GeneInput r = mergeGene(group, in);
            if (r != null) {
                results.add(r);
            }
        }
        return results;
    }

    private static GeneInput mergeGene(List<ObservationReading> group, Collected in) {
        String gene = group.get(0).gene();
        List<ObservationReading> pool = usable(group, in);
        pool.sort(NEWEST_FIRST);
        Map<Instant, List<ObservationReading>> byDate = new LinkedHashMap<>();
        List<ObservationReading> undated = new ArrayList<>();
        for (ObservationReading c : pool) {
            if (c.when() == null) {
                undated.add(c);
            } else {
                byDate.computeIfAbsent(c.when(), k -> new ArrayList<>()).add(c);
            }
        }
        List<List<ObservationReading>> dates = new ArrayList<>(byDate.values());
        if (!undated.isEmpty()) {
            dates.add(undated);
        }
        boolean hla = Codes.TABLE.gene(gene).map(g -> g.isHla()).orElse(false);
        for (int i = 0; i < dates.size(); i++) {
            List<ObservationReading> report = dates.get(i);
            Merged merged = hla ? HlaMerge.combine(gene, report, in) : combine(gene, report, in);
            if (merged != null) {
                for (List<ObservationReading> older : dates.subList(i + 1, dates.size())) {
                    older.forEach(c -> superseded(merged, c, hla, in));
                }
                stateSource(merged, in);
                merged.sources().stream().filter(ObservationReading::preliminary).map(ObservationReading::source).distinct()
                        .forEach(src -> in.note(gene, "status", gene + ": the result used (" + src + ") is preliminary;"
                                + " the final result may differ"));
                return merged.input();
            }
        }
        return null;
    }

    /** Lab results before implications, final before preliminary; what is set aside is noted. */
    private static List<ObservationReading> usable(List<ObservationReading> group, Collected in) {
        List<ObservationReading> lab = group.stream().filter(c -> !c.fromImplication()).toList();
        List<ObservationReading> pool = new ArrayList<>(lab.isEmpty() ? group : lab);
        if (!lab.isEmpty()) {
            group.stream().filter(ObservationReading::fromImplication).map(ObservationReading::source).distinct()
                    .forEach(s -> in.note(group.get(0).gene(), null, s + " (" + group.get(0).gene() + ") is a "
                            + "therapeutic implication; the gene's lab result is used instead"));
        }
        if (pool.stream().anyMatch(c -> !c.preliminary())) {
            pool.stream().filter(ObservationReading::preliminary).map(ObservationReading::source).distinct()
                    .forEach(s -> in.note(group.get(0).gene(), "status", s + " (" + group.get(0).gene() + ") is "
                            + "preliminary; the gene's final result is used instead"));
            pool.removeIf(ObservationReading::preliminary);
        }
        return pool;
    }

    /**
     * The combined result of one date.
     *
     * @param input   what the engine gets
     * @param sources the candidates it was made from
     */
    record Merged(GeneInput input, List<ObservationReading> sources) {
    }

    /** Combines the results of one date for a non-HLA gene; null when they give no usable result. */
    private static Merged combine(String gene, List<ObservationReading> report, Collected in) {
        List<ObservationReading> diplotypes = report.stream().filter(c -> c.diplotype() != null).toList();
        List<ObservationReading> haplotypes = report.stream().filter(c -> c.haplotype() != null).toList();
        String diplotype = null;
        ObservationReading basis = null;
        Map<String, List<ObservationReading>> classes = classes(diplotypes, c -> diplotypeKey(gene, c.diplotype()));
        if (classes.size() > 1) {
            return indeterminate(gene, "diplotype", diplotypes, ObservationReading::diplotype, report, in);
        }
        if (classes.size() == 1) {
            basis = mostSpecific(diplotypes);
            diplotype = basis.diplotype();
        }
        if (!haplotypes.isEmpty()) {
            String fromHaplotypes = pair(haplotypes);
            if (fromHaplotypes == null && diplotype == null) {
                in.problem(gene, "haplotype", gene + ": " + haplotypes.size() + " haplotype Observation(s) of the same"
                        + " date (" + names(haplotypes) + ") do not make a diplotype: two are needed (or one stated "
                        + "homozygous); not used");
            } else if (fromHaplotypes != null && diplotype == null) {
                diplotype = fromHaplotypes;
                basis = haplotypes.get(0);
            } else if (fromHaplotypes != null && !diplotypeKey(gene, fromHaplotypes).equals(diplotypeKey(gene, diplotype))) {
                List<ObservationReading> both = new ArrayList<>(diplotypes);
                both.addAll(haplotypes);
                in.problem(gene, "diplotype", gene + ": the haplotypes " + fromHaplotypes + " (" + names(haplotypes)
                        + ") do not match the genotype " + diplotype + " (" + basis.source() + ") of the same date; the "
                        + "gene is indeterminate");
                return new Merged(new GeneInput(gene, null, INDETERMINATE, null, null, basis.provenance()), both);
            }
        }
        String phenotype = single(gene, "phenotype", report, ObservationReading::phenotype, diplotype != null, in);
        String score = single(gene, "activityScore", report, ObservationReading::activityScore, diplotype != null, in);
        if (INDETERMINATE.equals(phenotype) && diplotype == null) {
            return new Merged(new GeneInput(gene, null, INDETERMINATE, null, null, report.get(0).provenance()), report);
        }
        if (diplotype == null && phenotype == null && score == null) {
            return null;
        }
        if (basis == null) {
            basis = report.stream().filter(c -> c.phenotype() != null || c.activityScore() != null).findFirst()
                    .orElse(report.get(0));
        }
        GeneInput input = new GeneInput(gene, diplotype, phenotype, score, null, basis.provenance());
        return new Merged(input, report);
    }

    /**
     * The one value of a field at this date, or null. Differing values are a problem: when a diplotype decides, the
     * field is dropped; otherwise the result is indeterminate.
     */
    private static String single(String gene, String field, List<ObservationReading> report,
                                 java.util.function.Function<ObservationReading, String> value, boolean diplotypeDecides,
                                 Collected in) {
        List<ObservationReading> with = report.stream().filter(c -> value.apply(c) != null).toList();
        Map<String, List<ObservationReading>> classes = classes(with, c -> key(field, gene, value.apply(c)));
        if (classes.size() <= 1) {
            return with.isEmpty() ? null : value.apply(with.get(0));
        }
        String values = with.stream().map(c -> value.apply(c) + " (" + c.source() + ")").collect(Collectors.joining(
                " and "));
        if (diplotypeDecides) {
            in.problem(gene, field, gene + ": the reported " + field + "s of the same date differ: " + values
                    + "; the phenotype is called from the diplotype");
            return null;
        }
        in.problem(gene, field, gene + ": results of the same date differ in " + field + ": " + values
                + "; the gene is indeterminate");
        return INDETERMINATE;
    }

    private static Merged indeterminate(String gene, String field, List<ObservationReading> differing,
                                        java.util.function.Function<ObservationReading, String> value, List<ObservationReading> report,
                                        Collected in) {
        String values = differing.stream().map(c -> value.apply(c) + " (" + c.source() + ")").collect(
                Collectors.joining(" and "));
        in.problem(gene, field, gene + ": results of the same date differ in " + field + ": " + values
                + "; the gene is indeterminate (no result is chosen by its order in the document)");
        return new Merged(new GeneInput(gene, null, INDETERMINATE, null, null, differing.get(0).provenance()), report);
    }

    /** Two haplotypes, or one stated homozygous, as a diplotype in document order; else null. */
    private static String pair(List<ObservationReading> haplotypes) {
        List<ObservationReading> ordered = haplotypes.stream().sorted(Comparator.comparingInt(ObservationReading::order)).toList();
        if (ordered.size() == 2) {
            return ordered.get(0).haplotype() + "/" + ordered.get(1).haplotype();
        }
        if (ordered.size() == 1 && ordered.get(0).homozygous()) {
            return ordered.get(0).haplotype() + "/" + ordered.get(0).haplotype();
        }
        return null;
    }

    /** The candidate whose diplotype is written most specifically (longest), then the first in the document. */
    private static ObservationReading mostSpecific(List<ObservationReading> sameDiplotype) {
        return sameDiplotype.stream().max(Comparator.<ObservationReading>comparingInt(c -> c.diplotype().replaceAll("\\s", "")
                .length()).thenComparing(Comparator.comparingInt(ObservationReading::order).reversed())).orElseThrow();
    }

    private static void superseded(Merged used, ObservationReading older, boolean hla, Collected in) {
        GeneInput r = used.input();
        ObservationReading newest = used.sources().get(0);
        String differs = hla ? HlaMerge.difference(r, older) : difference(r, older);
        if (differs != null) {
            in.problem(r.gene(), differs, r.gene() + ": results differ in " + differs + ": " + value(r, differs) + " ("
                    + newest.source() + ", " + date(newest) + ") and " + older.field(differs) + " (" + older.source()
                    + ", " + date(older) + "); the newest (" + newest.source() + ") is used");
        } else {
            in.note(r.gene(), null, older.source() + " (" + r.gene() + ", " + date(older) + ") is superseded by the "
                    + "newer " + newest.source() + " (" + date(newest) + ")");
        }
    }

    private static String value(GeneInput r, String field) {
        return switch (field) {
            case "diplotype" -> r.diplotype() != null ? r.diplotype() : r.alleleStatus();
            case "phenotype" -> r.phenotype();
            case "activityScore" -> r.activityScore();
            default -> r.alleleStatus() != null ? r.alleleStatus() : r.diplotype();
        };
    }

    /** @return the field in which an older result differs from the one used, or null when it agrees or cannot tell */
    private static String difference(GeneInput used, ObservationReading older) {
        String gene = used.gene();
        if (used.diplotype() != null && older.diplotype() != null
                && !diplotypeKey(gene, used.diplotype()).equals(diplotypeKey(gene, older.diplotype()))) {
            return "diplotype";
        }
        if (used.diplotype() == null && used.phenotype() != null && older.phenotype() != null
                && !key("phenotype", gene, used.phenotype()).equals(key("phenotype", gene, older.phenotype()))) {
            return "phenotype";
        }
        if (used.diplotype() == null && used.activityScore() != null && older.activityScore() != null
                && !key("activityScore", gene, used.activityScore()).equals(key("activityScore", gene,
                older.activityScore()))) {
            return "activityScore";
        }
        return null;
    }

    /** A result given only as a phenotype or score says where it comes from. */
    private static void stateSource(Merged merged, Collected in) {
        GeneInput r = merged.input();
        if (r.diplotype() != null || r.alleleStatus() != null || INDETERMINATE.equals(r.phenotype())) {
            return;
        }
        ObservationReading from = merged.sources().stream().filter(c -> c.phenotype() != null || c.activityScore() != null)
                .findFirst().orElse(merged.sources().get(0));
        String what = r.phenotype() != null ? "phenotype " + r.phenotype() : "activity score " + r.activityScore();
        String kind = from.fromImplication() ? "therapeutic implication " : "";
        in.note(r.gene(), r.phenotype() != null ? "phenotype" : "activityScore", r.gene() + ": no genotype in the "
                + "document; the " + what + " from " + kind + from.source() + (from.provenance().testDate() == null ? ""
                : " (" + from.provenance().testDate() + ")") + " is used as reported");
    }

    static Map<String, List<ObservationReading>> classes(List<ObservationReading> candidates,
                                                 java.util.function.Function<ObservationReading, String> key) {
        Map<String, List<ObservationReading>> classes = new LinkedHashMap<>();
        candidates.forEach(c -> classes.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
        return classes;
    }

    static String names(List<ObservationReading> candidates) {
        return candidates.stream().map(ObservationReading::source).distinct().collect(Collectors.joining(", "));
    }

    static String date(ObservationReading c) {
        LocalDate d = c.provenance().testDate();
        if (d != null) {
            return d.toString();
        }
        return c.when() == null ? "no date" : c.when().toString();
    }

    /** The diplotype as the engine would read it (canonical allele spellings and order); else as written. */
    static String diplotypeKey(String gene, String diplotype) {
        try {
            return DiplotypeParser.loadDefault().parse(GENES.require(gene), diplotype).normalized();
        } catch (NotationException | IllegalArgumentException e) {
            String s = diplotype.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            String[] alleles = s.split("/");
            if (alleles.length == 2 && alleles[0].compareTo(alleles[1]) > 0) {
                return alleles[1] + "/" + alleles[0];
            }
            return s;
        }
    }

    /** Same result written differently: synonyms of a phenotype, 1.0 and 1 as scores. */
    static String key(String field, String gene, String value) {
        return switch (field) {
            case "phenotype" -> textKey(Vocabulary.cpicTerm(value, gene).orElse(value));
            case "activityScore" -> numberKey(value);
            default -> textKey(value);
        };
    }

    private static String numberKey(String n) {
        String s = n.trim().replace(',', '.');
        try {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return textKey(s);
        }
    }

    static String textKey(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

}
