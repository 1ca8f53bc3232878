package no.pgx.knowledge.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import no.pgx.knowledge.CsvTable;

/**
 * {@code guidelines/guidelines.csv}: one row per guideline annotation of a recommendation source that has at least one
 * recommendation in the tables. From the source: id, source, drugs (of its recommendation rows), genes, licence (per
 * source, {@code vocabulary-map.csv} field {@code licence}) and the title ("SOURCE guideline for GENES and DRUGS").
 * From the overlay {@code guidelines.csv}, keyed by the guideline id: version and url (checked by hand on the
 * publisher's pages), a title that replaces the generated one when not empty, and the review columns.
 * Rows are sorted by source, drugs and id.
 */
final class GuidelineTable implements DerivedTable {
    static final String PATH = "guidelines/guidelines.csv";
    static final List<String> COLUMNS = List.of("id", "source", "title", "drugs", "genes", "version", "url", "licence");
    static final List<String> DERIVED = List.of("id", "source", "drugs", "genes", "licence");
    static final List<String> OVERLAY_COLUMNS = List.of("id", "source_hash", "status", "reviewer", "reviewed", "title",
            "version", "url");

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    private OverlayFile overlay(ImportContext ctx) {
        return ctx.overlay("guidelines.csv", List.of(
                "Curation of guidelines.csv, keyed by the PharmGKB guideline annotation id (column id).",
                "source_hash = fingerprint of the annotation's name, revision, drugs and genes; version and url are"
                        + " checked by hand on the publisher's pages (see the recommendations README); title empty ="
                        + " the generated title 'SOURCE guideline for GENES and DRUGS'.",
                "status: curated | approved | needs-review; reviewer = initials (PGX = the project team); reviewed ="
                        + " date."),
                OVERLAY_COLUMNS, List.of("id"));
    }

    private Map<String, Map<String, String>> derived(ImportContext ctx) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> sources = ctx.overlays().list("recommendations.sources");
        for (SourceFiles.Guideline g : ctx.guidelines()) {
            if (!sources.contains(g.source())) {
                continue;
            }
            RecommendationTable recs = new RecommendationTable(g.source());
            OverlayFile recOverlay = recs.overlay(ctx);
            TreeSet<String> drugs = new TreeSet<>();
            for (SourceFiles.Recommendation r : g.recommendations()) {
                if (RecommendationTable.kept(recOverlay, r)) {
                    drugs.add(recs.derive(ctx.overlays(), r, new ArrayList<>()).get("drug"));
                }
            }
            if (drugs.isEmpty()) {
                continue;
            }
            Map<String, String> d = new LinkedHashMap<>();
            d.put("id", g.id());
            d.put("source", g.source());
            d.put("title", g.source() + " guideline for " + String.join(", ", g.genes()) + " and "
                    + String.join(", ", drugs));
            d.put("drugs", String.join("|", drugs));
            d.put("genes", String.join("|", g.genes()));
            String licence = ctx.overlays().translate(g.source(), "licence", "", g.source());
            d.put("licence", licence == null ? "" : licence);
            d.put("source_hash", g.fingerprint());
            out.put(g.id(), d);
        }
        return out;
    }

    @Override
    public List<List<String>> build(ImportContext ctx, List<ReviewItem> review) {
        OverlayFile overlay = overlay(ctx);
        Map<String, Map<String, String>> derived = derived(ctx);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> d : derived.values()) {
            String id = d.get("id");
            if (d.get("licence").isEmpty()) {
                review.add(new ReviewItem(PATH, id, "no licence for source " + d.get("source") + " in "
                        + OverlayDir.VOCABULARY_MAP));
            }
            Map<String, String> o = overlay.get(id);
            Map<String, String> row = new LinkedHashMap<>(d);
            if (o == null) {
                review.add(new ReviewItem(PATH, id, "new guideline (" + d.get("title") + "): check its version and"
                        + " url on the publisher's page"));
                row.put("version", Curation.NEEDS_REVIEW_VALUE);
                row.put("url", "");
                Map<String, String> proposed = new LinkedHashMap<>();
                proposed.put("id", id);
                proposed.put("source_hash", d.get("source_hash"));
                proposed.put("status", Curation.NEEDS_REVIEW);
                overlay.put(proposed);
            } else {
                if (!o.get("title").isEmpty()) {
                    row.put("title", o.get("title"));
                }
                row.put("version", o.get("version"));
                row.put("url", o.get("url"));
                if (!d.get("source_hash").equals(o.get("source_hash")) || !Curation.isFinal(o.get("status"))) {
                    review.add(new ReviewItem(PATH, id, "guideline annotation changed or not reviewed ("
                            + o.get("source_hash") + " -> " + d.get("source_hash") + ", status " + o.get("status")
                            + "): check version, url and title"));
                    o.put("source_hash", d.get("source_hash"));
                    o.put("status", Curation.NEEDS_REVIEW);
                }
            }
            rows.add(row);
        }
        for (Map<String, String> o : overlay.rows()) {
            if (!derived.containsKey(o.get("id"))) {
                review.add(new ReviewItem(PATH, o.get("id"), "withdrawn: no recommendation rows of this guideline"
                        + " remain in the sources"));
                overlay.remove(overlay.keyOf(o));
            }
        }
        rows.sort(Comparator.comparing((Map<String, String> m) -> m.get("source"))
                .thenComparing(m -> m.get("drugs")).thenComparing(m -> m.get("id")));
        List<List<String>> out = new ArrayList<>();
        rows.forEach(m -> out.add(COLUMNS.stream().map(m::get).toList()));
        return out;
    }

    @Override
    public void extract(ImportContext ctx, CsvTable shipped, Curation.Stamp stamp, List<String> problems) {
        OverlayFile overlay = overlay(ctx);
        Map<String, Map<String, String>> derived = derived(ctx);
        Map<String, CsvTable.Row> byId = new HashMap<>();
        shipped.rows().forEach(s -> byId.put(s.get("id"), s));
        Map<String, Map<String, String>> rebuilt = new LinkedHashMap<>();
        for (Map<String, String> d : derived.values()) {
            String id = d.get("id");
            CsvTable.Row s = byId.remove(id);
            if (s == null) {
                problems.add(PATH + ": guideline " + id + " (" + d.get("title") + ") has recommendation rows but no"
                        + " row in the shipped table");
                continue;
            }
            for (String c : DERIVED) {
                if (!d.get(c).equals(s.get(c))) {
                    problems.add(PATH + ":" + s.line() + " " + id + ": column " + c + " is '" + s.get(c)
                            + "' but the sources give '" + d.get(c) + "'");
                }
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("source_hash", d.get("source_hash"));
            row.put("title", s.get("title").equals(d.get("title")) ? "" : s.get("title"));
            row.put("version", s.get("version"));
            row.put("url", s.get("url"));
            Map<String, String> old = overlay.get(id);
            boolean same = old != null && Curation.isFinal(old.get("status"))
                    && List.of("title", "version", "url").stream().allMatch(c -> row.get(c).equals(old.get(c)));
            if (same) {
                RecommendationTable.copyStamp(old, row);
            } else {
                stamp.applyTo(row, Curation.CURATED);
            }
            rebuilt.put(id, row);
        }
        byId.values().forEach(s -> problems.add(PATH + ":" + s.line() + ": guideline " + s.get("id")
                + " has no recommendation rows in the sources"));
        overlay.rows().forEach(o -> overlay.remove(overlay.keyOf(o)));
        rebuilt.values().forEach(overlay::put);
    }
}
