package no.pgx.knowledge.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.pgx.knowledge.CsvTable;

/** Writes a {@link KnowledgeDiff.Report} as Markdown (for reading and sign-off) and as CSV (one change per line). */
public final class DiffWriter {
    /** Diplotype rows shown per allele in Markdown; the CSV has all. */
    static final int DIPLOTYPES_SHOWN = 25;

    private DiffWriter() {
    }

    /**
     * @param r the diff; not null
     * @return the Markdown report, ending with a sign-off block
     */
    public static String markdown(KnowledgeDiff.Report r) {
        StringBuilder b = new StringBuilder();
        b.append("# Clinical knowledge diff\n\n");
        b.append("- Old: ").append(r.oldLabel()).append('\n');
        b.append("- New: ").append(r.newLabel()).append("\n\n");
        summary(b, r);
        recommendations(b, r);
        guidelines(b, r);
        alleles(b, r);
        lookupKeys(b, r);
        catalog(b, r);
        b.append("## Sign-off\n\n")
                .append("Reviewed and approved for release by the drug and therapeutics committee:\n\n")
                .append("| name | role | date | signature |\n|---|---|---|---|\n|  |  |  |  |\n");
        return b.toString();
    }

    private static void summary(StringBuilder b, KnowledgeDiff.Report r) {
        b.append("## Summary\n\n| what | count |\n|---|---|\n");
        row(b, "recommendation rows added", count(r.recommendations(), "added"));
        row(b, "recommendation rows withdrawn", count(r.recommendations(), "withdrawn"));
        row(b, "recommendation rows changed", count(r.recommendations(), "changed"));
        row(b, "drugs whose recommendations change", String.valueOf(r.byDrug().size()));
        row(b, "new drugs", r.newDrugs().isEmpty() ? "0" : r.newDrugs().size() + ": " + String.join(", ", r.newDrugs()));
        row(b, "withdrawn drugs", r.withdrawnDrugs().isEmpty() ? "0"
                : r.withdrawnDrugs().size() + ": " + String.join(", ", r.withdrawnDrugs()));
        row(b, "guidelines added / withdrawn / changed", kinds(r.guidelines().stream().map(
                KnowledgeDiff.GuidelineChange::kind).toList()));
        row(b, "alleles added / withdrawn / with changed function", kinds(r.alleles().stream().map(
                KnowledgeDiff.AlleleChange::kind).toList()));
        row(b, "diplotypes whose result changes", String.valueOf(r.alleles().stream()
                .mapToInt(a -> a.diplotypes().size()).sum()));
        row(b, "lookup keys added / withdrawn / changed", kinds(r.lookupKeys().stream().map(
                KnowledgeDiff.LookupKeyChange::kind).toList()));
        row(b, "drug catalog entries added / withdrawn", r.catalog().stream().filter(c -> c.kind().equals("added"))
                .count() + " / " + r.catalog().stream().filter(c -> c.kind().equals("withdrawn")).count());
        b.append('\n');
        if (r.isEmpty()) {
            b.append("No clinical difference.\n\n");
        }
    }

    private static void recommendations(StringBuilder b, KnowledgeDiff.Report r) {
        if (r.recommendations().isEmpty()) {
            return;
        }
        b.append("## Recommendations by drug\n\n");
        for (Map.Entry<String, List<KnowledgeDiff.RecommendationChange>> e : r.byDrug().entrySet()) {
            List<KnowledgeDiff.RecommendationChange> cs = e.getValue();
            b.append("### ").append(e.getKey());
            if (r.newDrugs().contains(e.getKey())) {
                b.append(" (new drug)");
            } else if (r.withdrawnDrugs().contains(e.getKey())) {
                b.append(" (withdrawn drug)");
            }
            b.append(": ").append(counts(cs)).append("\n\n");
            b.append("| change | source | population | gene result | phenotype | details |\n|---|---|---|---|---|---|\n");
            for (KnowledgeDiff.RecommendationChange c : cs) {
                b.append("| ").append(c.kind()).append(" | ").append(c.source()).append(" | ").append(cell(c.population()))
                        .append(" | ").append(cell(c.key())).append(" | ").append(cell(c.phenotype())).append(" | ")
                        .append(cell(fields(c.kind(), c.fields()))).append(" |\n");
            }
            b.append('\n');
        }
    }

    private static void guidelines(StringBuilder b, KnowledgeDiff.Report r) {
        if (r.guidelines().isEmpty()) {
            return;
        }
        b.append("## Guidelines\n\n| change | id | source | title | details |\n|---|---|---|---|---|\n");
        for (KnowledgeDiff.GuidelineChange g : r.guidelines()) {
            b.append("| ").append(g.kind()).append(" | ").append(g.id()).append(" | ").append(g.source()).append(" | ")
                    .append(cell(g.title())).append(" | ").append(cell(fields(g.kind(), g.fields()))).append(" |\n");
        }
        b.append('\n');
    }

    private static void alleles(StringBuilder b, KnowledgeDiff.Report r) {
        if (r.alleles().isEmpty()) {
            return;
        }
        b.append("## Allele functions\n\n");
        for (KnowledgeDiff.AlleleChange a : r.alleles()) {
            b.append("### ").append(a.gene()).append(' ').append(a.allele()).append(": ").append(a.kind());
            if (!a.before().isEmpty() || !a.after().isEmpty()) {
                b.append(", ").append(a.before().isEmpty() ? "none" : a.before()).append(" → ")
                        .append(a.after().isEmpty() ? "none" : a.after());
            }
            b.append("\n\n");
            if (!a.note().isEmpty()) {
                b.append(a.note()).append("\n\n");
            }
            if (!a.kind().equals("changed")) {
                continue;
            }
            b.append(a.diplotypes().size()).append(" diplotypes change their result");
            if (a.diplotypes().isEmpty()) {
                b.append(".\n\n");
                continue;
            }
            b.append(":\n\n| diplotype | before | after |\n|---|---|---|\n");
            a.diplotypes().stream().limit(DIPLOTYPES_SHOWN).forEach(d -> b.append("| ").append(cell(d.diplotype()))
                    .append(" | ").append(cell(d.before())).append(" | ").append(cell(d.after())).append(" |\n"));
            if (a.diplotypes().size() > DIPLOTYPES_SHOWN) {
                b.append("| … and ").append(a.diplotypes().size() - DIPLOTYPES_SHOWN).append(" more (see the CSV) | | |\n");
            }
            b.append('\n');
            if (a.drugs().isEmpty()) {
                b.append("No drug's advice changes for these diplotypes.\n\n");
                continue;
            }
            b.append("Advice that changes for these diplotypes (looked up in the new recommendation tables):\n\n")
                    .append("| drug | source | population | before | after | combinations | for example |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (KnowledgeDiff.DrugEffect d : a.drugs()) {
                b.append("| ").append(d.drug()).append(" | ").append(d.source()).append(" | ").append(cell(d.population()))
                        .append(" | ").append(cell(d.before())).append(" | ").append(cell(d.after())).append(" | ")
                        .append(d.combinations()).append(" | ").append(cell(d.example())).append(" |\n");
            }
            b.append('\n');
        }
    }

    private static void lookupKeys(StringBuilder b, KnowledgeDiff.Report r) {
        if (r.lookupKeys().isEmpty()) {
            return;
        }
        b.append("## Lookup keys\n\n| change | gene | lookup key | details |\n|---|---|---|---|\n");
        for (KnowledgeDiff.LookupKeyChange k : r.lookupKeys()) {
            b.append("| ").append(k.kind()).append(" | ").append(k.gene()).append(" | ").append(cell(k.key()))
                    .append(" | ").append(cell(fields(k.kind(), k.fields()))).append(" |\n");
        }
        b.append('\n');
    }

    private static void catalog(StringBuilder b, KnowledgeDiff.Report r) {
        if (r.catalog().isEmpty()) {
            return;
        }
        b.append("## Drug catalog\n\n| change | drug | Norwegian name |\n|---|---|---|\n");
        r.catalog().forEach(c -> b.append("| ").append(c.kind()).append(" | ").append(c.drug()).append(" | ")
                .append(cell(c.name())).append(" |\n"));
        b.append('\n');
    }

    /**
     * @param r the diff; not null
     * @return CSV (LF line ends) with columns
     *         {@code section,change,drug,source,population,gene_result,phenotype,field,before,after}
     */
    public static String csv(KnowledgeDiff.Report r) {
        StringBuilder b = new StringBuilder();
        line(b, "section", "change", "drug", "source", "population", "gene_result", "phenotype", "field", "before",
                "after");
        for (KnowledgeDiff.RecommendationChange c : r.recommendations()) {
            for (KnowledgeDiff.FieldChange f : c.fields().isEmpty()
                    ? List.of(new KnowledgeDiff.FieldChange("", "", "")) : c.fields()) {
                boolean withdrawn = c.kind().equals("withdrawn");
                line(b, "recommendation", c.kind(), c.drug(), c.source(), c.population(), c.key(), c.phenotype(),
                        f.field(), withdrawn ? f.after() : f.before(), withdrawn ? "" : f.after());
            }
        }
        for (KnowledgeDiff.GuidelineChange g : r.guidelines()) {
            for (KnowledgeDiff.FieldChange f : g.fields().isEmpty()
                    ? List.of(new KnowledgeDiff.FieldChange("", "", "")) : g.fields()) {
                line(b, "guideline", g.kind(), "", g.source(), "", g.id(), "", f.field(), f.before(), f.after());
            }
        }
        for (KnowledgeDiff.AlleleChange a : r.alleles()) {
            line(b, "allele", a.kind(), "", "", "", a.gene() + " " + a.allele(), "", "function", a.before(), a.after());
            for (KnowledgeDiff.DiplotypeChange d : a.diplotypes()) {
                line(b, "diplotype", "changed", "", "", "", a.gene() + " " + d.diplotype(), "", "result", d.before(),
                        d.after());
            }
            for (KnowledgeDiff.DrugEffect d : a.drugs()) {
                line(b, "allele-effect", "changed", d.drug(), d.source(), d.population(), d.example(), "",
                        "advice (" + d.combinations() + " combinations)", d.before(), d.after());
            }
        }
        for (KnowledgeDiff.LookupKeyChange k : r.lookupKeys()) {
            for (KnowledgeDiff.FieldChange f : k.fields()) {
                line(b, "lookup-key", k.kind(), "", "", "", k.gene() + "=" + k.key(), "", f.field(), f.before(),
                        f.after());
            }
        }
        for (KnowledgeDiff.CatalogChange c : r.catalog()) {
            line(b, "drug-catalog", c.kind(), c.drug(), "", "", "", "", "name_nb", "", c.name());
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String... fields) {
        b.append(CsvTable.formatRecord(List.of(fields))).append('\n');
    }

    private static void row(StringBuilder b, String what, String count) {
        b.append("| ").append(what).append(" | ").append(cell(count)).append(" |\n");
    }

    private static String count(List<KnowledgeDiff.RecommendationChange> cs, String kind) {
        return String.valueOf(cs.stream().filter(c -> c.kind().equals(kind)).count());
    }

    private static String kinds(List<String> kinds) {
        return kinds.stream().filter("added"::equals).count() + " / " + kinds.stream().filter("withdrawn"::equals)
                .count() + " / " + kinds.stream().filter("changed"::equals).count();
    }

    private static String counts(List<KnowledgeDiff.RecommendationChange> cs) {
        List<String> parts = new ArrayList<>();
        for (String kind : List.of("added", "withdrawn", "changed")) {
            long n = cs.stream().filter(c -> c.kind().equals(kind)).count();
            if (n > 0) {
                parts.add(n + " " + (n == 1 ? "row " : "rows ") + kind);
            }
        }
        return String.join(", ", parts);
    }

    private static String fields(String kind, List<KnowledgeDiff.FieldChange> fields) {
        List<String> parts = new ArrayList<>();
        for (KnowledgeDiff.FieldChange f : fields) {
            if (kind.equals("changed")) {
                parts.add(f.field() + ": " + (f.before().isEmpty() ? "(none)" : f.before()) + " → "
                        + (f.after().isEmpty() ? "(none)" : f.after()));
            } else {
                String v = f.after().isEmpty() ? f.before() : f.after();
                parts.add(f.field() + " " + v);
            }
        }
        return String.join("; ", parts);
    }

    /** @return the text safe for a Markdown table cell */
    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
