package no.pgx.knowledge.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.pgx.knowledge.CsvTable;

/**
 * {@code vocabulary/lookup-keys.csv}: every lookup key a recommendation may use, per gene, with the phenotype it stands
 * for, its result state and kind. Keys and phenotypes come from the diplotype tables of the gene files (sets in
 * {@code lookup-keys.gene-file-sets}, first set wins per gene; kind {@code activity-score} when the diplotypes carry a
 * score); genes without a gene file take the values of the kept recommendation keys (allele-status genes of
 * {@code lookup-keys.allele-status-genes} get both {@code positive} and {@code negative} for every allele named).
 * The overlay {@code lookup-keys.csv}, keyed by gene and lookup key, holds the state (a project convention, not a
 * source field), the phenotype and kind last accepted, and project rows. Rows are sorted by gene and lookup key.
 */
final class LookupKeyTable implements DerivedTable {
    static final String PATH = "vocabulary/lookup-keys.csv";
    static final List<String> COLUMNS = List.of("gene", "lookup_key", "phenotype", "state", "kind");
    static final List<String> OVERLAY_COLUMNS = List.of("gene", "lookup_key", "phenotype", "kind", "state", "status",
            "reviewer", "reviewed");
    private static final Pattern ALLELE_STATUS = Pattern.compile("(\\S+) (positive|negative)");
    private static final Pattern PREFIXED = Pattern.compile("^(phenotype|diplotype|function):");

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    private OverlayFile overlay(ImportContext ctx) {
        return ctx.overlay("lookup-keys.csv", List.of(
                "Curation of lookup-keys.csv, keyed by gene and lookup key.",
                "state = NORMAL | ACTIONABLE | INDETERMINATE (project convention); phenotype and kind = values last"
                        + " accepted for source rows (a change asks for review); status project = a row the project"
                        + " adds.",
                "status: curated | approved | project | needs-review; reviewer = initials (PGX = the project team);"
                        + " reviewed = date."),
                OVERLAY_COLUMNS, List.of("gene", "lookup_key"));
    }

    /** @return gene|key → derived row (gene, lookup_key, phenotype, kind) */
    private Map<String, Map<String, String>> derived(ImportContext ctx) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, Boolean> fileGenes = new HashMap<>();
        for (String set : ctx.overlays().list("lookup-keys.gene-file-sets")) {
            for (SourceFiles.GeneFile f : ctx.geneFiles(set).values()) {
                if (f.lookupKeys().isEmpty() || fileGenes.containsKey(f.gene())) {
                    continue;
                }
                fileGenes.put(f.gene(), true);
                for (SourceFiles.LookupKey k : f.lookupKeys()) {
                    put(out, f.gene(), k.lookupKey(), k.phenotype(), k.scored() ? "activity-score" : "phenotype");
                }
            }
        }
        List<String> statusGenes = ctx.overlays().list("lookup-keys.allele-status-genes");
        for (String source : ctx.overlays().list("recommendations.sources")) {
            RecommendationTable table = new RecommendationTable(source);
            OverlayFile recOverlay = table.overlay(ctx);
            for (SourceFiles.Recommendation r : table.sourceRows(ctx)) {
                if (!RecommendationTable.kept(recOverlay, r)) {
                    continue;
                }
                for (String part : table.translateKey(ctx.overlays(), r).split(";")) {
                    int eq = part.indexOf('=');
                    String gene = part.substring(0, eq);
                    String value = part.substring(eq + 1);
                    if (fileGenes.containsKey(gene) || value.equals("No Result") || PREFIXED.matcher(value).find()) {
                        continue;
                    }
                    Matcher m = ALLELE_STATUS.matcher(value);
                    if (statusGenes.contains(gene) && m.matches()) {
                        put(out, gene, m.group(1) + " negative", m.group(1) + " negative", "allele-status");
                        put(out, gene, m.group(1) + " positive", m.group(1) + " positive", "allele-status");
                    } else if (!statusGenes.contains(gene)) {
                        put(out, gene, value, value, "phenotype");
                    }
                }
            }
        }
        return out;
    }

    private static void put(Map<String, Map<String, String>> out, String gene, String key, String phenotype,
                            String kind) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("gene", gene);
        row.put("lookup_key", key);
        row.put("phenotype", phenotype);
        row.put("kind", kind);
        out.putIfAbsent(gene + "|" + key, row);
    }

    @Override
    public List<List<String>> build(ImportContext ctx, List<ReviewItem> review) {
        OverlayFile overlay = overlay(ctx);
        Map<String, Map<String, String>> derived = derived(ctx);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> o : overlay.rows()) {
            String key = overlay.keyOf(o);
            if (Curation.PROJECT.equals(o.get("status"))) {
                if (derived.containsKey(key)) {
                    review.add(new ReviewItem(PATH, key, "project row is now also in the sources: make it a source row"));
                    continue;
                }
                rows.add(new LinkedHashMap<>(o));
            } else if (!derived.containsKey(key)) {
                review.add(new ReviewItem(PATH, key, "withdrawn: no source gives this lookup key any more"));
                overlay.remove(key);
            }
        }
        for (Map.Entry<String, Map<String, String>> e : derived.entrySet()) {
            Map<String, String> row = new LinkedHashMap<>(e.getValue());
            Map<String, String> o = overlay.get(e.getKey());
            if (o == null) {
                review.add(new ReviewItem(PATH, e.getKey(), "new lookup key (" + row.get("phenotype")
                        + "): set its state"));
                row.put("state", Curation.NEEDS_REVIEW_VALUE);
                Map<String, String> proposed = new LinkedHashMap<>(row);
                proposed.put("state", "");
                proposed.put("status", Curation.NEEDS_REVIEW);
                overlay.put(proposed);
            } else {
                row.put("state", o.get("state"));
                if (!row.get("phenotype").equals(o.get("phenotype")) || !row.get("kind").equals(o.get("kind"))
                        || !Curation.isFinal(o.get("status"))) {
                    review.add(new ReviewItem(PATH, e.getKey(), "now " + row.get("phenotype") + " (" + row.get("kind")
                            + "), accepted " + o.get("phenotype") + " (" + o.get("kind") + "), status "
                            + o.get("status") + ": check the state"));
                    o.put("phenotype", row.get("phenotype"));
                    o.put("kind", row.get("kind"));
                    o.put("status", Curation.NEEDS_REVIEW);
                }
            }
            rows.add(row);
        }
        rows.sort(Comparator.comparing((Map<String, String> m) -> m.get("gene"))
                .thenComparing(m -> m.get("lookup_key")));
        List<List<String>> out = new ArrayList<>();
        rows.forEach(m -> out.add(COLUMNS.stream().map(m::get).toList()));
        return out;
    }

    @Override
    public void extract(ImportContext ctx, CsvTable shipped, Curation.Stamp stamp, List<String> problems) {
        OverlayFile overlay = overlay(ctx);
        Map<String, Map<String, String>> derived = derived(ctx);
        Map<String, Map<String, String>> rebuilt = new LinkedHashMap<>();
        Map<String, CsvTable.Row> byKey = new LinkedHashMap<>();
        shipped.rows().forEach(s -> byKey.put(s.get("gene") + "|" + s.get("lookup_key"), s));
        for (String key : derived.keySet()) {
            if (!byKey.containsKey(key)) {
                problems.add(PATH + ": lookup key " + key + " comes from the sources but is not in the shipped table");
            }
        }
        for (Map.Entry<String, CsvTable.Row> e : byKey.entrySet()) {
            CsvTable.Row s = e.getValue();
            Map<String, String> d = derived.get(e.getKey());
            Map<String, String> row = new LinkedHashMap<>();
            for (String c : List.of("gene", "lookup_key", "phenotype", "kind", "state")) {
                row.put(c, s.get(c));
            }
            if (d != null) {
                for (String c : List.of("phenotype", "kind")) {
                    if (!d.get(c).equals(s.get(c))) {
                        problems.add(PATH + ":" + s.line() + " " + e.getKey() + ": column " + c + " is '" + s.get(c)
                                + "' but the sources give '" + d.get(c) + "'");
                    }
                }
            }
            AlleleFunctionTable.keepOrStamp(overlay.get(e.getKey()), row, stamp,
                    d == null ? Curation.PROJECT : Curation.CURATED);
            rebuilt.put(e.getKey(), row);
        }
        overlay.rows().forEach(o -> overlay.remove(overlay.keyOf(o)));
        rebuilt.values().forEach(overlay::put);
    }
}
