package no.pgx.knowledge.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import no.pgx.knowledge.CsvTable;

/**
 * {@code phenotype/allele_function.csv}: the CPIC function and activity value of every named allele of the genes in
 * setting {@code allele-function.genes} (in that order; each gene from the first set of {@code gene-files.sets} that
 * has it; alleles in source order, without those matching {@code allele-function.exclude.GENE}). Every column comes
 * from the source; the overlay {@code allele-function.csv}, keyed by gene and allele name, holds the function and
 * activity value a person last accepted (a change asks for review) and the project's own rows (status
 * {@code project}), written after the source rows of their gene, or at the end for genes without a source file.
 */
final class AlleleFunctionTable implements DerivedTable {
    static final String PATH = "phenotype/allele_function.csv";
    static final List<String> COLUMNS = List.of("gene", "allele", "function", "activity_value", "source", "data_version");
    static final List<String> OVERLAY_COLUMNS = List.of("gene", "allele", "function", "activity_value", "source",
            "data_version", "status", "reviewer", "reviewed");

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    private OverlayFile overlay(ImportContext ctx) {
        return ctx.overlay("allele-function.csv", List.of(
                "Review state of allele_function.csv, keyed by gene and allele name.",
                "Source rows (source and data_version empty): function and activity_value are the values last accepted;"
                        + " the import asks for review when the source differs.",
                "status project = a row the project adds (all columns are written as given).",
                "status: curated | approved | project | needs-review; reviewer = initials (PGX = the project team);"
                        + " reviewed = date."),
                OVERLAY_COLUMNS, List.of("gene", "allele"));
    }

    /** @return gene|allele → derived row, in table order (source rows only) */
    private Map<String, Map<String, String>> derived(ImportContext ctx) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> sets = ctx.overlays().list("gene-files.sets");
        for (String gene : ctx.overlays().list("allele-function.genes")) {
            SourceFiles.GeneFile file = null;
            String fileSet = null;
            for (String set : sets) {
                file = ctx.geneFiles(set).get(gene);
                if (file != null) {
                    fileSet = set;
                    break;
                }
            }
            if (file == null) {
                throw new IllegalArgumentException(OverlayDir.SETTINGS + ": allele-function.genes names " + gene
                        + " but no set of gene-files.sets has a file for it");
            }
            String exclude = ctx.overlays().optionalSetting("allele-function.exclude." + gene);
            Pattern skip = exclude == null || exclude.isEmpty() ? null : Pattern.compile(exclude);
            SourceManifest.Entry entry = entry(ctx.manifest(), fileSet, file.file());
            String label = entry.publisher() + " via " + repositoryName(entry.repository()) + " @"
                    + ctx.manifest().info(fileSet).shortCommit();
            for (SourceFiles.Allele a : file.alleles()) {
                if (skip != null && skip.matcher(a.name()).find()) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                row.put("gene", gene);
                row.put("allele", a.name());
                row.put("function", a.function());
                row.put("activity_value", a.activityValue());
                row.put("source", label);
                row.put("data_version", file.version());
                out.put(gene + "|" + a.name(), row);
            }
        }
        return out;
    }

    private static SourceManifest.Entry entry(SourceManifest m, String set, String file) {
        return m.set(set).stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
    }

    /** @return {@code owner/name} of a GitHub repository URL, else the URL */
    static String repositoryName(String url) {
        String prefix = "https://github.com/";
        return url.startsWith(prefix) ? url.substring(prefix.length()) : url;
    }

    @Override
    public List<List<String>> build(ImportContext ctx, List<ReviewItem> review) {
        OverlayFile overlay = overlay(ctx);
        Map<String, Map<String, String>> derived = derived(ctx);
        Map<String, List<Map<String, String>>> projectRows = new LinkedHashMap<>();
        for (Map<String, String> o : overlay.rows()) {
            String key = overlay.keyOf(o);
            if (Curation.PROJECT.equals(o.get("status"))) {
                projectRows.computeIfAbsent(o.get("gene"), g -> new ArrayList<>()).add(o);
            } else if (!derived.containsKey(key)) {
                review.add(new ReviewItem(PATH, key, "withdrawn: the source no longer lists this allele"));
                overlay.remove(key);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        String gene = null;
        for (Map.Entry<String, Map<String, String>> e : derived.entrySet()) {
            Map<String, String> d = e.getValue();
            if (gene != null && !gene.equals(d.get("gene"))) {
                rows.addAll(projectRows.getOrDefault(gene, List.of()));
                projectRows.remove(gene);
            }
            gene = d.get("gene");
            rows.add(d);
            Map<String, String> o = overlay.get(e.getKey());
            if (o == null) {
                review.add(new ReviewItem(PATH, e.getKey(), "new allele: " + d.get("function")
                        + (d.get("activity_value").isEmpty() ? "" : ", activity value " + d.get("activity_value"))));
                Map<String, String> proposed = new LinkedHashMap<>(d);
                proposed.put("source", "");
                proposed.put("data_version", "");
                proposed.put("status", Curation.NEEDS_REVIEW);
                overlay.put(proposed);
            } else if (!d.get("function").equals(o.get("function"))
                    || !d.get("activity_value").equals(o.get("activity_value")) || !Curation.isFinal(o.get("status"))) {
                review.add(new ReviewItem(PATH, e.getKey(), "function changed: " + o.get("function") + " / "
                        + o.get("activity_value") + " -> " + d.get("function") + " / " + d.get("activity_value")
                        + " (status " + o.get("status") + ")"));
                o.put("function", d.get("function"));
                o.put("activity_value", d.get("activity_value"));
                o.put("status", Curation.NEEDS_REVIEW);
            }
        }
        if (gene != null) {
            rows.addAll(projectRows.getOrDefault(gene, List.of()));
            projectRows.remove(gene);
        }
        projectRows.values().forEach(rows::addAll);
        List<List<String>> out = new ArrayList<>();
        rows.forEach(m -> out.add(COLUMNS.stream().map(m::get).toList()));
        return out;
    }

    @Override
    public void extract(ImportContext ctx, CsvTable shipped, Curation.Stamp stamp, List<String> problems) {
        OverlayFile overlay = overlay(ctx);
        Map<String, Map<String, String>> derived = derived(ctx);
        Map<String, Map<String, String>> rebuilt = new LinkedHashMap<>();
        Set<String> shippedKeys = new LinkedHashSet<>();
        Map<String, CsvTable.Row> byKey = new HashMap<>();
        for (CsvTable.Row s : shipped.rows()) {
            String key = s.get("gene") + "|" + s.get("allele");
            shippedKeys.add(key);
            byKey.put(key, s);
        }
        for (Map.Entry<String, Map<String, String>> e : derived.entrySet()) {
            CsvTable.Row s = byKey.get(e.getKey());
            if (s == null) {
                problems.add(PATH + ": allele " + e.getKey() + " is in the source but not in the shipped table (add"
                        + " it, or exclude it with setting allele-function.exclude.GENE)");
                continue;
            }
            for (String c : COLUMNS) {
                if (!e.getValue().get(c).equals(s.get(c))) {
                    problems.add(PATH + ":" + s.line() + " " + e.getKey() + ": column " + c + " is '" + s.get(c)
                            + "' but the source gives '" + e.getValue().get(c) + "'");
                }
            }
            Map<String, String> row = new LinkedHashMap<>(e.getValue());
            row.put("source", "");
            row.put("data_version", "");
            keepOrStamp(overlay.get(e.getKey()), row, stamp, Curation.CURATED);
            rebuilt.put(e.getKey(), row);
        }
        for (String key : shippedKeys) {
            if (!derived.containsKey(key)) {
                CsvTable.Row s = byKey.get(key);
                Map<String, String> row = new LinkedHashMap<>();
                COLUMNS.forEach(c -> row.put(c, s.get(c)));
                keepOrStamp(overlay.get(key), row, stamp, Curation.PROJECT);
                rebuilt.put(key, row);
            }
        }
        overlay.rows().forEach(o -> overlay.remove(overlay.keyOf(o)));
        rebuilt.values().forEach(overlay::put);
    }

    /** Keeps the old review columns when the old row has the same values and a final status, else stamps. */
    static void keepOrStamp(Map<String, String> old, Map<String, String> row, Curation.Stamp stamp, String status) {
        boolean same = old != null && status.equals(Curation.PROJECT) == Curation.PROJECT.equals(old.get("status"))
                && (Curation.isFinal(old.get("status")) || Curation.PROJECT.equals(old.get("status")))
                && row.keySet().stream().allMatch(c -> row.get(c).equals(old.getOrDefault(c, "")));
        if (same) {
            RecommendationTable.copyStamp(old, row);
        } else {
            stamp.applyTo(row, status);
        }
    }
}
