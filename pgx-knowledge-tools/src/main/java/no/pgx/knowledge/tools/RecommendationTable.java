package no.pgx.knowledge.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import no.pgx.knowledge.CsvTable;

/**
 * {@code guidelines/recommendations-<source>.csv}: one row per published recommendation of one source (CPIC or
 * DPWG). From the source: id, guideline, drug, key (lookup key translated into the engine vocabulary by
 * {@code vocabulary-map.csv}), population slug, strength, source_key. From the overlay
 * {@code recommendations-<source>.csv}, keyed by the PharmGKB recommendation id: action, dose_percent, dose_note,
 * alternatives, consequence, curation, and the review status, reviewer and date; {@code excluded} rows are left out.
 * Rows are sorted by drug, population and key.
 */
final class RecommendationTable implements DerivedTable {
    static final List<String> COLUMNS = List.of("id", "guideline", "drug", "key", "population", "strength", "action",
            "dose_percent", "dose_note", "alternatives", "consequence", "curation", "source_key");
    static final List<String> DERIVED = List.of("id", "guideline", "drug", "key", "population", "strength",
            "source_key");
    static final List<String> CURATED = List.of("action", "dose_percent", "dose_note", "alternatives", "consequence",
            "curation");
    static final List<String> OVERLAY_COLUMNS = List.of("id", "source_hash", "status", "reviewer", "reviewed",
            "action", "dose_percent", "dose_note", "alternatives", "consequence", "curation");
    private static final String REVIEW_PREFIX = "needs-review: ";

    private final String source;

    /** @param source CPIC or DPWG, as the guideline annotations name the source */
    RecommendationTable(String source) {
        this.source = source;
    }

    @Override
    public String path() {
        return "guidelines/recommendations-" + source.toLowerCase(Locale.ROOT) + ".csv";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    String overlayName() {
        return "recommendations-" + source.toLowerCase(Locale.ROOT) + ".csv";
    }

    OverlayFile overlay(ImportContext ctx) {
        return ctx.overlay(overlayName(), List.of(
                "Curation of the " + source + " recommendations, keyed by the PharmGKB recommendation id (column id).",
                "source_hash = fingerprint of the published row (text, implications, flags, key, population, strength)"
                        + " the curation was made against; the import asks for review when it changes.",
                "status: curated | approved | excluded | needs-review; reviewer = initials (PGX = the project team,"
                        + " no named reviewer); reviewed = date. Curated columns: see the recommendations README.",
                "Written by the knowledge tools (extract-overlays, or import --proposed-overlays); edit the curated"
                        + " columns and the review columns by hand."),
                OVERLAY_COLUMNS, List.of("id"));
    }

    /** @return this source's published recommendations, in source order */
    List<SourceFiles.Recommendation> sourceRows(ImportContext ctx) {
        List<SourceFiles.Recommendation> out = new ArrayList<>();
        for (SourceFiles.Guideline g : ctx.guidelines()) {
            if (g.source().equals(source)) {
                out.addAll(g.recommendations());
            }
        }
        return out;
    }

    /** @return true when the row is written to the table (every row but the excluded ones) */
    static boolean kept(OverlayFile overlay, SourceFiles.Recommendation r) {
        Map<String, String> o = overlay.get(r.id());
        return o == null || !Curation.EXCLUDED.equals(o.get("status"));
    }

    /**
     * The source-derived columns of a row.
     *
     * @param problems receives values the translation maps do not cover
     */
    Map<String, String> derive(OverlayDir o, SourceFiles.Recommendation r, List<String> problems) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("id", r.id());
        d.put("guideline", r.guidelineId());
        if (r.drugs().size() != 1) {
            problems.add("names " + r.drugs().size() + " drugs " + r.drugs() + "; the table holds one drug per row");
        }
        String drug = r.drugs().isEmpty() ? "" : r.drugs().get(0);
        String renamed = o.translate(source, "drug", "", drug);
        d.put("drug", renamed != null ? renamed : drug);
        d.put("key", translateKey(o, r));
        String population = o.translate(source, "population", "", r.population());
        if (population == null) {
            problems.add("population label '" + r.population() + "' has no slug in " + OverlayDir.VOCABULARY_MAP);
            population = r.population();
        }
        d.put("population", population);
        String strength = o.translate(source, "strength", "", r.strength());
        d.put("strength", strength != null ? strength : r.strength());
        d.put("source_key", r.keyText());
        return d;
    }

    /** @return the lookup key in the engine vocabulary ({@code GENE=value;…}, genes sorted) */
    String translateKey(OverlayDir o, SourceFiles.Recommendation r) {
        StringBuilder b = new StringBuilder();
        r.lookupKey().forEach((gene, value) -> {
            String t = o.translate(source, "key", gene, value);
            b.append(b.length() == 0 ? "" : ";").append(gene).append('=').append(t != null ? t : value);
        });
        return b.toString();
    }

    @Override
    public List<List<String>> build(ImportContext ctx, List<ReviewItem> review) {
        OverlayFile overlay = overlay(ctx);
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SourceFiles.Recommendation r : sourceRows(ctx)) {
            seen.add(r.id());
            Map<String, String> o = overlay.get(r.id());
            boolean excluded = o != null && Curation.EXCLUDED.equals(o.get("status"));
            if (excluded) {
                if (!r.fingerprint().equals(o.get("source_hash"))) {
                    review.add(new ReviewItem(path(), r.id(), "excluded row changed upstream (" + o.get("source_hash")
                            + " -> " + r.fingerprint() + "): check that the exclusion still holds"));
                    o.put("source_hash", r.fingerprint());
                    o.put("status", Curation.NEEDS_REVIEW);
                }
                continue;
            }
            List<String> problems = new ArrayList<>();
            Map<String, String> row = derive(ctx.overlays(), r, problems);
            problems.forEach(p -> review.add(new ReviewItem(path(), r.id(), p)));
            if (o == null) {
                review.add(new ReviewItem(path(), r.id(), "new source row (" + row.get("drug") + ", "
                        + row.get("key") + ", " + row.get("population") + "): curate action, dose, alternatives,"
                        + " consequence"));
                CURATED.forEach(c -> row.put(c, ""));
                row.put("action", Curation.NEEDS_REVIEW_VALUE);
                row.put("curation", REVIEW_PREFIX + "new source row");
                Map<String, String> proposed = new LinkedHashMap<>();
                proposed.put("id", r.id());
                proposed.put("source_hash", r.fingerprint());
                proposed.put("status", Curation.NEEDS_REVIEW);
                overlay.put(proposed);
            } else {
                CURATED.forEach(c -> row.put(c, o.get(c)));
                String why = null;
                if (!r.fingerprint().equals(o.get("source_hash"))) {
                    why = "source row changed since curation (" + o.get("source_hash") + " -> " + r.fingerprint()
                            + ")";
                } else if (!Curation.isFinal(o.get("status"))) {
                    why = "overlay status is '" + o.get("status") + "'";
                }
                if (why != null) {
                    review.add(new ReviewItem(path(), r.id(), why + ": check the curated columns"));
                    row.put("curation", REVIEW_PREFIX + why + "; " + o.get("curation"));
                    o.put("source_hash", r.fingerprint());
                    o.put("status", Curation.NEEDS_REVIEW);
                }
            }
            rows.add(row);
        }
        for (Map<String, String> o : overlay.rows()) {
            if (!seen.contains(o.get("id"))) {
                review.add(new ReviewItem(path(), o.get("id"), "withdrawn upstream: the sources no longer have this"
                        + " recommendation (its curation is dropped from the proposed overlay)"));
                overlay.remove(overlay.keyOf(o));
            }
        }
        rows.sort(Comparator.comparing((Map<String, String> m) -> m.get("drug"))
                .thenComparing(m -> m.get("population")).thenComparing(m -> m.get("key")));
        List<List<String>> out = new ArrayList<>();
        rows.forEach(m -> out.add(COLUMNS.stream().map(m::get).toList()));
        return out;
    }

    @Override
    public void extract(ImportContext ctx, CsvTable shipped, Curation.Stamp stamp, List<String> problems) {
        OverlayFile overlay = overlay(ctx);
        Map<String, CsvTable.Row> byId = new HashMap<>();
        for (CsvTable.Row s : shipped.rows()) {
            if (byId.put(s.get("id"), s) != null) {
                problems.add(path() + ":" + s.line() + ": id " + s.get("id") + " appears twice");
            }
        }
        Map<String, Map<String, String>> rebuilt = new LinkedHashMap<>();
        for (SourceFiles.Recommendation r : sourceRows(ctx)) {
            Map<String, String> old = overlay.get(r.id());
            CsvTable.Row s = byId.remove(r.id());
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("source_hash", r.fingerprint());
            if (s == null) {
                boolean wasExcluded = old != null && Curation.EXCLUDED.equals(old.get("status"));
                CURATED.forEach(c -> row.put(c, ""));
                row.put("curation", wasExcluded ? old.get("curation") : "not in the shipped table (reason not recorded)");
                if (wasExcluded) {
                    copyStamp(old, row);
                } else {
                    stamp.applyTo(row, Curation.EXCLUDED);
                }
            } else {
                List<String> derivedProblems = new ArrayList<>();
                Map<String, String> d = derive(ctx.overlays(), r, derivedProblems);
                derivedProblems.forEach(p -> problems.add(path() + ":" + s.line() + " " + r.id() + ": " + p));
                for (String c : DERIVED) {
                    if (!d.get(c).equals(s.get(c))) {
                        problems.add(path() + ":" + s.line() + " " + r.id() + ": column " + c + " is '" + s.get(c)
                                + "' but the sources give '" + d.get(c) + "' (fix the row or " + OverlayDir.VOCABULARY_MAP
                                + ")");
                    }
                }
                if (s.get("curation").startsWith(REVIEW_PREFIX)) {
                    problems.add(path() + ":" + s.line() + " " + r.id() + ": still marked needs-review");
                }
                CURATED.forEach(c -> row.put(c, s.get(c)));
                boolean same = old != null && Curation.isFinal(old.get("status"))
                        && CURATED.stream().allMatch(c -> row.get(c).equals(old.get(c)));
                if (same) {
                    copyStamp(old, row);
                } else {
                    stamp.applyTo(row, Curation.CURATED);
                }
            }
            rebuilt.put(r.id(), row);
        }
        byId.values().forEach(s -> problems.add(path() + ":" + s.line() + ": row " + s.get("id")
                + " has no recommendation in the sources"));
        overlay.rows().forEach(o -> overlay.remove(overlay.keyOf(o)));
        rebuilt.values().forEach(overlay::put);
    }

    static void copyStamp(Map<String, String> from, Map<String, String> to) {
        for (String c : List.of("status", "reviewer", "reviewed")) {
            to.put(c, from.get(c));
        }
    }
}
