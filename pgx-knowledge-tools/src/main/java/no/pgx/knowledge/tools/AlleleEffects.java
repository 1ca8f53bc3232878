package no.pgx.knowledge.tools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.pgx.knowledge.CsvTable;

/**
 * Allele changes between two knowledge versions and what they do: for a changed function or activity value, every
 * diplotype of the allele with another allele of the gene (and with itself) is called before (old tables) and after
 * (new tables) the way the engine calls it (activity score genes: sum of the two activity values, cut-offs via the
 * lookup-key vocabulary or {@code activity_score_cutoffs.csv}; function-combination genes: the pair of function labels
 * in {@code function_phenotype.csv}); diplotypes whose lookup key or phenotype changes are listed, and each is looked
 * up in the new recommendation tables to show which drugs' advice changes. Copy-number and hybrid alleles are not
 * enumerated (the tables hold single alleles only). A source without a category for a result is read through
 * {@code source-equivalents.csv}, as the engine does.
 */
final class AlleleEffects {
    private final KnowledgeRoot before;
    private final KnowledgeRoot after;

    AlleleEffects(KnowledgeRoot before, KnowledgeRoot after) {
        this.before = before;
        this.after = after;
    }

    /** The call of one diplotype in one version. */
    record State(String diplotype, String allele1, String allele2, String key, String phenotype, String function1,
                 String function2) {
        String describe() {
            return key.equals(phenotype) ? phenotype : key + " (" + phenotype + ")";
        }
    }

    List<KnowledgeDiff.AlleleChange> changes() {
        Map<String, CsvTable.Row> old = alleles(before);
        Map<String, CsvTable.Row> now = alleles(after);
        List<KnowledgeDiff.AlleleChange> out = new ArrayList<>();
        for (Map.Entry<String, CsvTable.Row> e : now.entrySet()) {
            CsvTable.Row n = e.getValue();
            CsvTable.Row o = old.get(e.getKey());
            if (o == null) {
                out.add(new KnowledgeDiff.AlleleChange("added", n.get("gene"), n.get("allele"), "", value(n),
                        List.of(), List.of(), ""));
            } else if (!value(o).equals(value(n))) {
                out.add(consequences(n.get("gene"), n.get("allele"), value(o), value(n)));
            }
        }
        for (Map.Entry<String, CsvTable.Row> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                CsvTable.Row o = e.getValue();
                out.add(new KnowledgeDiff.AlleleChange("withdrawn", o.get("gene"), o.get("allele"), value(o), "",
                        List.of(), List.of(), ""));
            }
        }
        return out;
    }

    private static Map<String, CsvTable.Row> alleles(KnowledgeRoot r) {
        Map<String, CsvTable.Row> out = new LinkedHashMap<>();
        r.rows("phenotype/allele_function.csv").forEach(row -> out.put(row.get("gene") + "|" + row.get("allele"), row));
        return out;
    }

    private static String value(CsvTable.Row r) {
        String v = r.get("function");
        return r.get("activity_value").isEmpty() ? v : v + ", activity value " + r.get("activity_value");
    }

    private KnowledgeDiff.AlleleChange consequences(String gene, String allele, String was, String is) {
        String method = method(gene);
        if (!method.equals("activity_score") && !method.equals("function_combination")
                && !method.equals("single_allele")) {
            return new KnowledgeDiff.AlleleChange("changed", gene, allele, was, is, List.of(), List.of(),
                    "consequences not computed for calling method '" + method + "'");
        }
        Set<String> partners = new LinkedHashSet<>();
        if (method.equals("single_allele")) {
            partners.add("");
        } else {
            alleles(after).values().stream().filter(r -> r.get("gene").equals(gene))
                    .forEach(r -> partners.add(r.get("allele")));
        }
        List<KnowledgeDiff.DiplotypeChange> diplotypes = new ArrayList<>();
        Map<String, Integer> effects = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        List<SourcedRow> rows = new ArrayList<>();
        for (String source : KnowledgeDiff.SOURCES) {
            after.rows(KnowledgeDiff.table(source)).stream().filter(r -> keyOf(r.get("key")).containsKey(gene))
                    .forEach(r -> rows.add(new SourcedRow(source, r)));
        }
        for (String partner : partners) {
            State s0 = state(before, method, gene, allele, partner);
            State s1 = state(after, method, gene, allele, partner);
            if (s0 == null || s1 == null || (s0.key().equals(s1.key()) && s0.phenotype().equals(s1.phenotype()))) {
                continue;
            }
            diplotypes.add(new KnowledgeDiff.DiplotypeChange(s1.diplotype(), s0.describe(), s1.describe()));
            drugEffects(gene, s0, s1, rows, equivalents(after), effects, examples);
        }
        List<KnowledgeDiff.DrugEffect> drugs = new ArrayList<>();
        effects.forEach((k, n) -> {
            String[] p = k.split("\u001f");
            drugs.add(new KnowledgeDiff.DrugEffect(p[0], p[1], p[2], p[3], p[4], n, examples.get(k)));
        });
        drugs.sort(Comparator.comparing(KnowledgeDiff.DrugEffect::drug).thenComparing(KnowledgeDiff.DrugEffect::source)
                .thenComparing(KnowledgeDiff.DrugEffect::population));
        return new KnowledgeDiff.AlleleChange("changed", gene, allele, was, is, List.copyOf(diplotypes),
                List.copyOf(drugs), "");
    }

    private String method(String gene) {
        for (KnowledgeRoot r : List.of(after, before)) {
            for (CsvTable.Row g : r.rows("genetics/genes.csv")) {
                if (g.get("gene").equals(gene)) {
                    return g.get("method");
                }
            }
        }
        return "unknown";
    }

    /** @return the call of allele/partner in a version, or null when an allele is missing there */
    private static State state(KnowledgeRoot r, String method, String gene, String a1, String a2) {
        Map<String, CsvTable.Row> alleles = alleles(r);
        CsvTable.Row x = alleles.get(gene + "|" + a1);
        CsvTable.Row y = a2.isEmpty() ? null : alleles.get(gene + "|" + a2);
        if (x == null || (!a2.isEmpty() && y == null)) {
            return null;
        }
        String diplotype = a2.isEmpty() ? a1 : a1 + "/" + a2;
        String f1 = x.get("function");
        String f2 = y == null ? "" : y.get("function");
        if (method.equals("activity_score")) {
            String key;
            try {
                BigDecimal score = new BigDecimal(x.get("activity_value")).add(new BigDecimal(y.get("activity_value")));
                score = score.stripTrailingZeros();
                key = (score.scale() < 1 ? score.setScale(1) : score).toPlainString();
            } catch (NumberFormatException e) {
                key = "n/a";
            }
            return new State(diplotype, a1, a2, key, phenotypeOfKey(r, gene, key), f1, f2);
        }
        String lo = f2.isEmpty() || f1.compareTo(f2) <= 0 ? f1 : f2;
        String hi = f2.isEmpty() ? "" : (f1.compareTo(f2) <= 0 ? f2 : f1);
        String phenotype = "no phenotype rule for " + lo + (hi.isEmpty() ? "" : " + " + hi);
        for (CsvTable.Row p : r.rows("phenotype/function_phenotype.csv")) {
            if (p.get("gene").equals(gene) && p.get("function_1").equals(lo) && p.get("function_2").equals(hi)) {
                phenotype = p.get("phenotype");
            }
        }
        return new State(diplotype, a1, a2, phenotype, phenotype, f1, f2);
    }

    private static String phenotypeOfKey(KnowledgeRoot r, String gene, String key) {
        for (CsvTable.Row k : r.rows("vocabulary/lookup-keys.csv")) {
            if (k.get("gene").equals(gene) && k.get("lookup_key").equals(key)) {
                return k.get("phenotype");
            }
        }
        if (key.equals("n/a")) {
            return "Indeterminate";
        }
        BigDecimal s = new BigDecimal(key);
        for (CsvTable.Row c : r.rows("phenotype/activity_score_cutoffs.csv")) {
            if (c.get("gene").equals(gene) && within(s, c)) {
                return c.get("phenotype");
            }
        }
        return "no phenotype for score " + key;
    }

    private static boolean within(BigDecimal s, CsvTable.Row c) {
        if (!c.get("lower").isEmpty()) {
            int cmp = s.compareTo(new BigDecimal(c.get("lower")));
            if (cmp < 0 || (cmp == 0 && !c.get("lower_inclusive").equals("true"))) {
                return false;
            }
        }
        if (!c.get("upper").isEmpty()) {
            int cmp = s.compareTo(new BigDecimal(c.get("upper")));
            return cmp < 0 || (cmp == 0 && c.get("upper_inclusive").equals("true"));
        }
        return true;
    }

    /**
     * Looks the diplotype up before and after in the new recommendation tables, per (source, drug, population,
     * values of the other genes), the most specific matching row first (diplotype: and function: rows are more
     * specific than plain keys), and counts each change of advice.
     */
    private static void drugEffects(String gene, State s0, State s1, List<SourcedRow> rows,
                                    Map<String, String> equivalents, Map<String, Integer> effects,
                                    Map<String, String> examples) {
        Map<String, CsvTable.Row[]> groups = new LinkedHashMap<>();
        Map<String, int[]> specificity = new LinkedHashMap<>();
        for (SourcedRow sr : rows) {
            CsvTable.Row r = sr.row();
            Map<String, String> key = keyOf(r.get("key"));
            String value = key.remove(gene);
            String group = sr.source() + "\u001f" + r.get("drug") + "\u001f" + r.get("population") + "\u001f" + key;
            CsvTable.Row[] pair = groups.computeIfAbsent(group, g -> new CsvTable.Row[2]);
            int[] spec = specificity.computeIfAbsent(group, g -> new int[] {-1, -1});
            int m0 = match(value, s0, equivalents.get(sr.source() + "|" + gene + "|" + s0.key()));
            int m1 = match(value, s1, equivalents.get(sr.source() + "|" + gene + "|" + s1.key()));
            if (m0 > spec[0]) {
                spec[0] = m0;
                pair[0] = r;
            }
            if (m1 > spec[1]) {
                spec[1] = m1;
                pair[1] = r;
            }
        }
        groups.forEach((group, pair) -> {
            String was = advice(pair[0]);
            String is = advice(pair[1]);
            if (!was.equals(is)) {
                String[] g = group.split("\u001f", -1);
                String k = g[1] + "\u001f" + g[0] + "\u001f" + g[2] + "\u001f" + was + "\u001f" + is;
                effects.merge(k, 1, Integer::sum);
                String others = g[3].equals("{}") ? "" : " with " + g[3].substring(1, g[3].length() - 1);
                examples.putIfAbsent(k, gene + " " + s1.diplotype() + others);
            }
        });
    }

    /** A recommendation row with the source whose table it comes from. */
    private record SourcedRow(String source, CsvTable.Row row) {
    }

    /**
     * @param equivalent the key the source's rows for this state are written for when the source has no category
     *                   of its own ({@code source-equivalents.csv}), or null
     * @return 3 for a diplotype:/function: match, 2 for a plain or phenotype: match, 1 for a match through the
     *         source equivalent, -1 for no match
     */
    static int match(String value, State s, String equivalent) {
        if (value.equals("diplotype:" + s.allele1() + "/" + s.allele2())
                || value.equals("diplotype:" + s.allele2() + "/" + s.allele1())) {
            return 3;
        }
        String lo = s.function1().compareTo(s.function2()) <= 0 ? s.function1() : s.function2();
        String hi = s.function1().compareTo(s.function2()) <= 0 ? s.function2() : s.function1();
        if (value.equals("function:" + lo + "/" + hi)) {
            return 3;
        }
        if (value.equals(s.key()) || value.equals("phenotype:" + s.phenotype())) {
            return 2;
        }
        return value.equals(equivalent) ? 1 : -1;
    }

    /** @return source|gene|lookup key → the key whose rows apply ({@code vocabulary/source-equivalents.csv}) */
    private static Map<String, String> equivalents(KnowledgeRoot r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.rows("vocabulary/source-equivalents.csv").forEach(e -> out.put(e.get("source") + "|" + e.get("gene") + "|"
                + e.get("lookup_key"), e.get("matches")));
        return out;
    }

    private static String advice(CsvTable.Row r) {
        if (r == null) {
            return "no row";
        }
        String dose = r.get("dose_percent").isEmpty() ? "" : ", dose " + r.get("dose_percent") + " %";
        return r.get("action") + " (" + r.get("strength") + dose + ")";
    }

    static Map<String, String> keyOf(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : key.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return out;
    }
}
