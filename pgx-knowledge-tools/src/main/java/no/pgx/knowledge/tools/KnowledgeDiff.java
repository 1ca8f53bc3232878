package no.pgx.knowledge.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import no.pgx.knowledge.CsvTable;

/**
 * The clinical diff between two knowledge versions: what a drug and therapeutics committee signs off before an update
 * goes live. For every (gene result, drug, population) of the CPIC and DPWG tables: added and withdrawn rows and
 * changes of phenotype, action, strength, dose facts, alternatives and consequence, grouped by drug; new and withdrawn
 * drugs; new, withdrawn and changed guidelines; alleles whose function or activity value changed, with the diplotypes
 * whose phenotype changes and the drugs whose advice changes for them; lookup-key and drug-catalog changes.
 *
 * <p>Stateless; {@link #compare} may be called from several threads.
 */
public final class KnowledgeDiff {
    static final List<String> SOURCES = List.of("CPIC", "DPWG");
    /** Recommendation columns compared, in report order (then the dose facts of {@code curation/dose-facts.csv}). */
    static final List<String> FIELDS = List.of("action", "strength", "dose_percent", "dose_note", "alternatives",
            "consequence");

    /**
     * One changed value.
     *
     * @param field  column (or {@code phenotype})
     * @param before old value (empty when none)
     * @param after  new value (empty when none)
     */
    public record FieldChange(String field, String before, String after) {
    }

    /**
     * A recommendation row added, withdrawn or changed.
     *
     * @param kind       {@code added}, {@code withdrawn} or {@code changed}
     * @param source     CPIC or DPWG
     * @param drug       drug id
     * @param population population slug
     * @param key        gene result (lookup key)
     * @param phenotype  the phenotype(s) the key stands for (new version; old for withdrawn rows)
     * @param id         row id (new version; old for withdrawn rows)
     * @param fields     for changed rows the changed fields; for added and withdrawn rows the row's values
     */
    public record RecommendationChange(String kind, String source, String drug, String population, String key,
                                       String phenotype, String id, List<FieldChange> fields) {
    }

    /**
     * A guideline added, withdrawn or changed.
     *
     * @param kind   {@code added}, {@code withdrawn} or {@code changed}
     * @param id     guideline id
     * @param source CPIC or DPWG
     * @param title  title (new version; old for withdrawn)
     * @param fields changed columns (changed guidelines only)
     */
    public record GuidelineChange(String kind, String id, String source, String title, List<FieldChange> fields) {
    }

    /**
     * A diplotype whose gene result changes with an allele change.
     *
     * @param diplotype the two alleles
     * @param before    lookup key and phenotype before
     * @param after     lookup key and phenotype after
     */
    public record DiplotypeChange(String diplotype, String before, String after) {
    }

    /**
     * A drug whose advice changes for the diplotypes an allele change touches (evaluated on the new recommendation
     * tables, so that it shows the effect of the allele change alone).
     *
     * @param drug         drug id
     * @param source       CPIC or DPWG
     * @param population   population slug
     * @param before       advice before (action, strength, dose), or {@code no row}
     * @param after        advice after
     * @param combinations how many diplotype (and other-gene) combinations make this change
     * @param example      the first such combination (diplotype, and the other genes' results for multi-gene keys)
     */
    public record DrugEffect(String drug, String source, String population, String before, String after,
                             int combinations, String example) {
    }

    /**
     * An allele added, withdrawn or with a changed function or activity value.
     *
     * @param kind       {@code added}, {@code withdrawn} or {@code changed}
     * @param gene       gene
     * @param allele     allele name
     * @param before     function and activity value before
     * @param after      function and activity value after
     * @param diplotypes diplotypes whose gene result changes
     * @param drugs      advice changes for those diplotypes
     * @param note       why consequences were not computed, or empty
     */
    public record AlleleChange(String kind, String gene, String allele, String before, String after,
                               List<DiplotypeChange> diplotypes, List<DrugEffect> drugs, String note) {
    }

    /**
     * A lookup key added, withdrawn or changed.
     *
     * @param kind   {@code added}, {@code withdrawn} or {@code changed}
     * @param gene   gene
     * @param key    lookup key
     * @param fields phenotype, state or kind (values of the row for added and withdrawn keys)
     */
    public record LookupKeyChange(String kind, String gene, String key, List<FieldChange> fields) {
    }

    /**
     * A drug catalog entry added or withdrawn.
     *
     * @param kind {@code added} or {@code withdrawn}
     * @param drug drug id
     * @param name Norwegian name
     */
    public record CatalogChange(String kind, String drug, String name) {
    }

    /**
     * The diff.
     *
     * @param oldLabel        the old version (release and location)
     * @param newLabel        the new version
     * @param recommendations recommendation changes, sorted by drug, source, population, key
     * @param newDrugs        drugs with recommendation rows only in the new version
     * @param withdrawnDrugs  drugs with recommendation rows only in the old version
     * @param guidelines      guideline changes
     * @param alleles         allele changes with their consequences
     * @param lookupKeys      lookup-key changes
     * @param catalog         drug catalog changes
     */
    public record Report(String oldLabel, String newLabel, List<RecommendationChange> recommendations,
                         List<String> newDrugs, List<String> withdrawnDrugs, List<GuidelineChange> guidelines,
                         List<AlleleChange> alleles, List<LookupKeyChange> lookupKeys, List<CatalogChange> catalog) {
        /** @return true when the versions do not differ in anything the diff looks at */
        public boolean isEmpty() {
            return recommendations.isEmpty() && guidelines.isEmpty() && alleles.isEmpty() && lookupKeys.isEmpty()
                    && catalog.isEmpty();
        }

        /** @return the recommendation changes grouped by drug, drugs in alphabetical order */
        public Map<String, List<RecommendationChange>> byDrug() {
            Map<String, List<RecommendationChange>> out = new LinkedHashMap<>();
            recommendations.forEach(c -> out.computeIfAbsent(c.drug(), d -> new ArrayList<>()).add(c));
            return out;
        }
    }

    private KnowledgeDiff() {
    }

    /**
     * Compares two knowledge versions.
     *
     * @param oldVersion a knowledge root (directory laid out like {@code no/pgx/knowledge/}, or a directory or jar
     *                   containing it); not null
     * @param newVersion the same for the new version; not null
     * @return the diff
     * @throws IllegalArgumentException when a location holds no knowledge tables
     */
    public static Report compare(Path oldVersion, Path newVersion) {
        KnowledgeRoot a = KnowledgeRoot.open(Objects.requireNonNull(oldVersion, "oldVersion"));
        KnowledgeRoot b = KnowledgeRoot.open(Objects.requireNonNull(newVersion, "newVersion"));
        List<RecommendationChange> recs = recommendations(a, b);
        TreeSet<String> oldDrugs = drugs(a);
        TreeSet<String> newDrugs = drugs(b);
        List<String> added = newDrugs.stream().filter(d -> !oldDrugs.contains(d)).toList();
        List<String> withdrawn = oldDrugs.stream().filter(d -> !newDrugs.contains(d)).toList();
        return new Report(a.label(), b.label(), recs, added, withdrawn, guidelines(a, b),
                new AlleleEffects(a, b).changes(), lookupKeys(a, b), catalog(a, b));
    }

    private static TreeSet<String> drugs(KnowledgeRoot r) {
        TreeSet<String> out = new TreeSet<>();
        for (String source : SOURCES) {
            r.rows(table(source)).forEach(row -> out.add(row.get("drug")));
        }
        return out;
    }

    static String table(String source) {
        return "guidelines/recommendations-" + source.toLowerCase(java.util.Locale.ROOT) + ".csv";
    }

    private static List<RecommendationChange> recommendations(KnowledgeRoot a, KnowledgeRoot b) {
        List<RecommendationChange> out = new ArrayList<>();
        Vocabulary va = new Vocabulary(a);
        Vocabulary vb = new Vocabulary(b);
        Map<String, String> da = doseFacts(a);
        Map<String, String> db = doseFacts(b);
        for (String source : SOURCES) {
            Map<String, CsvTable.Row> before = index(a.rows(table(source)));
            Map<String, CsvTable.Row> after = index(b.rows(table(source)));
            for (Map.Entry<String, CsvTable.Row> e : after.entrySet()) {
                CsvTable.Row n = e.getValue();
                CsvTable.Row o = before.get(e.getKey());
                String phenotype = vb.phenotypes(n.get("key"));
                if (o == null) {
                    out.add(change("added", source, n, phenotype, values(n, db)));
                    continue;
                }
                List<FieldChange> fields = new ArrayList<>();
                String oldPhenotype = va.phenotypes(o.get("key"));
                if (!oldPhenotype.equals(phenotype)) {
                    fields.add(new FieldChange("phenotype", oldPhenotype, phenotype));
                }
                for (String f : FIELDS) {
                    if (!o.get(f).equals(n.get(f))) {
                        fields.add(new FieldChange(f, o.get(f), n.get(f)));
                    }
                }
                String factsBefore = da.getOrDefault(o.get("id"), "");
                String factsAfter = db.getOrDefault(n.get("id"), "");
                if (!factsBefore.equals(factsAfter)) {
                    fields.add(new FieldChange("dose_facts", factsBefore, factsAfter));
                }
                if (!fields.isEmpty()) {
                    out.add(change("changed", source, n, phenotype, fields));
                }
            }
            for (Map.Entry<String, CsvTable.Row> e : before.entrySet()) {
                if (!after.containsKey(e.getKey())) {
                    CsvTable.Row o = e.getValue();
                    out.add(change("withdrawn", source, o, va.phenotypes(o.get("key")), values(o, da)));
                }
            }
        }
        out.sort(Comparator.comparing(RecommendationChange::drug).thenComparing(RecommendationChange::source)
                .thenComparing(RecommendationChange::population).thenComparing(RecommendationChange::key));
        return out;
    }

    private static RecommendationChange change(String kind, String source, CsvTable.Row r, String phenotype,
                                               List<FieldChange> fields) {
        return new RecommendationChange(kind, source, r.get("drug"), r.get("population"), r.get("key"), phenotype,
                r.get("id"), List.copyOf(fields));
    }

    private static List<FieldChange> values(CsvTable.Row r, Map<String, String> doseFacts) {
        List<FieldChange> out = new ArrayList<>();
        for (String f : FIELDS) {
            if (!r.get(f).isEmpty()) {
                out.add(new FieldChange(f, "", r.get(f)));
            }
        }
        String facts = doseFacts.getOrDefault(r.get("id"), "");
        if (!facts.isEmpty()) {
            out.add(new FieldChange("dose_facts", "", facts));
        }
        return out;
    }

    /**
     * @return recommendation id → its structured dose facts ({@code curation/dose-facts.csv}) in one line, e.g.
     *         {@code starting 50 % [if indication, if-no-alternative]; maximum cap 400 mg/day}
     */
    static Map<String, String> doseFacts(KnowledgeRoot r) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (CsvTable.Row f : r.rows("curation/dose-facts.csv")) {
            StringBuilder b = new StringBuilder(f.get("dose_kind")).append(' ').append(f.get("change"));
            if (!f.get("percent").isEmpty()) {
                b.append(' ').append(f.get("percent")).append(" %");
            }
            if (!f.get("amount").isEmpty()) {
                b.append(' ').append(f.get("amount")).append(' ').append(f.get("unit"));
            }
            if (!f.get("frequency").isEmpty()) {
                b.append(", ").append(f.get("frequency"));
            }
            if (!f.get("age_min_years").isEmpty() || !f.get("age_max_years").isEmpty()) {
                b.append(", age ").append(f.get("age_min_years")).append('-').append(f.get("age_max_years"));
            }
            if (f.get("conditional").equals("yes")) {
                b.append(" [if ").append(f.get("condition_kind").replace("|", ", ")).append(']');
            }
            facts.computeIfAbsent(f.get("recommendation_id"), k -> new ArrayList<>()).add(b.toString());
        }
        Map<String, String> out = new LinkedHashMap<>();
        facts.forEach((id, list) -> out.put(id, String.join("; ", list)));
        return out;
    }

    private static Map<String, CsvTable.Row> index(List<CsvTable.Row> rows) {
        Map<String, CsvTable.Row> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.get("drug") + "\u001f" + r.get("population") + "\u001f" + r.get("key"), r));
        return out;
    }

    private static List<GuidelineChange> guidelines(KnowledgeRoot a, KnowledgeRoot b) {
        Map<String, CsvTable.Row> before = new LinkedHashMap<>();
        a.rows("guidelines/guidelines.csv").forEach(r -> before.put(r.get("id"), r));
        List<GuidelineChange> out = new ArrayList<>();
        for (CsvTable.Row n : b.rows("guidelines/guidelines.csv")) {
            CsvTable.Row o = before.remove(n.get("id"));
            if (o == null) {
                out.add(new GuidelineChange("added", n.get("id"), n.get("source"), n.get("title"),
                        List.of(new FieldChange("version", "", n.get("version")),
                                new FieldChange("drugs", "", n.get("drugs")))));
                continue;
            }
            List<FieldChange> fields = new ArrayList<>();
            for (String f : List.of("title", "drugs", "genes", "version", "url", "licence")) {
                if (!o.get(f).equals(n.get(f))) {
                    fields.add(new FieldChange(f, o.get(f), n.get(f)));
                }
            }
            if (!fields.isEmpty()) {
                out.add(new GuidelineChange("changed", n.get("id"), n.get("source"), n.get("title"), fields));
            }
        }
        before.values().forEach(o -> out.add(new GuidelineChange("withdrawn", o.get("id"), o.get("source"),
                o.get("title"), List.of())));
        return out;
    }

    private static List<LookupKeyChange> lookupKeys(KnowledgeRoot a, KnowledgeRoot b) {
        Map<String, CsvTable.Row> before = new LinkedHashMap<>();
        a.rows("vocabulary/lookup-keys.csv").forEach(r -> before.put(r.get("gene") + "|" + r.get("lookup_key"), r));
        List<LookupKeyChange> out = new ArrayList<>();
        List<String> cols = List.of("phenotype", "state", "kind");
        for (CsvTable.Row n : b.rows("vocabulary/lookup-keys.csv")) {
            CsvTable.Row o = before.remove(n.get("gene") + "|" + n.get("lookup_key"));
            List<FieldChange> fields = new ArrayList<>();
            for (String c : cols) {
                if (o == null || !o.get(c).equals(n.get(c))) {
                    fields.add(new FieldChange(c, o == null ? "" : o.get(c), n.get(c)));
                }
            }
            if (!fields.isEmpty()) {
                out.add(new LookupKeyChange(o == null ? "added" : "changed", n.get("gene"), n.get("lookup_key"),
                        fields));
            }
        }
        before.values().forEach(o -> out.add(new LookupKeyChange("withdrawn", o.get("gene"), o.get("lookup_key"),
                cols.stream().map(c -> new FieldChange(c, o.get(c), "")).toList())));
        return out;
    }

    private static List<CatalogChange> catalog(KnowledgeRoot a, KnowledgeRoot b) {
        Map<String, CsvTable.Row> before = new LinkedHashMap<>();
        a.rows("drug/drugs.csv").forEach(r -> before.put(r.get("id"), r));
        List<CatalogChange> out = new ArrayList<>();
        for (CsvTable.Row n : b.rows("drug/drugs.csv")) {
            if (before.remove(n.get("id")) == null) {
                out.add(new CatalogChange("added", n.get("id"), n.get("name_nb")));
            }
        }
        before.values().forEach(o -> out.add(new CatalogChange("withdrawn", o.get("id"), o.get("name_nb"))));
        return out;
    }

    /** Lookup key → phenotype of one version. */
    static final class Vocabulary {
        private final Map<String, String> phenotype = new LinkedHashMap<>();

        Vocabulary(KnowledgeRoot r) {
            r.rows("vocabulary/lookup-keys.csv").forEach(row -> phenotype.put(row.get("gene") + "=" + row.get(
                    "lookup_key"), row.get("phenotype")));
        }

        /** @return {@code phenotype} for a one-gene key, {@code GENE phenotype; GENE phenotype} for several */
        String phenotypes(String key) {
            String[] parts = key.split(";");
            List<String> out = new ArrayList<>();
            for (String part : parts) {
                int eq = part.indexOf('=');
                String value = eq < 0 ? part : part.substring(eq + 1);
                String p = phenotype.getOrDefault(part, value);
                out.add(parts.length == 1 ? p : part.substring(0, Math.max(eq, 0)) + " " + p);
            }
            return String.join("; ", out);
        }
    }
}
