package no.pgx.rules.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import no.pgx.knowledge.CsvTable;

/**
 * Build-time generator of the recommendation rules, run by exec-maven-plugin (goal {@code java}) in the
 * {@code pgx-rules} module at generate-resources.
 *
 * <p>Reads the knowledge tables of {@code pgx-knowledge} (recommendations, guidelines, populations, consequences, test
 * requirements, the rule vocabulary and the drug catalog) through the project's one CSV reader, checks their
 * integrity, and writes one DRL rule per recommendation row (plus one per source-equivalent key, see
 * {@code vocabulary/source-equivalents.csv}) and a manifest with the tables' checksums. The kjar lifecycle's
 * kie-maven-plugin then compiles the DRL into the executable model. Any integrity error stops the build with a message
 * naming the file, line and row.
 *
 * <pre>
 * usage: GenerateRules [--knowledge DIR|classpath] [--exemptions FILE] [--out DIR] [--check-only]
 *   --knowledge   root of the knowledge tables (a directory laid out like no/pgx/knowledge/ in pgx-knowledge), or
 *                 "classpath" (default) to read them from the pgx-knowledge jar
 *   --exemptions  accepted coverage gaps (source, drug, gene, lookup_key, reason); default vocabulary/integrity-exemptions.csv
 *                 of the knowledge root; a gap without a reason still fails
 * </pre>
 *
 * <p>{@link #run} returns 0 when the knowledge is OK (and the rules were written unless {@code --check-only}), 1 for
 * integrity errors and 2 for usage or I/O errors; {@link #main} throws for a non-zero status so that the build fails.
 */
public final class GenerateRules {
    static final List<String> SOURCES = List.of("CPIC", "DPWG");
    static final Set<String> ACTIONS = Set.of("AVOID", "CONSIDER_ALTERNATIVE", "REDUCE_DOSE", "INCREASE_DOSE",
            "STANDARD_DOSE", "MONITOR", "NO_RECOMMENDATION");
    static final String NO_RESULT = "No Result";
    static final String RULE_PACKAGE = "no.pgx.rules.recommendation";
    static final String CLASSPATH_ROOT = "no/pgx/knowledge/";
    static final Pattern FUNCTION_PAIR = Pattern.compile("[A-Z][a-z]+ function/[A-Z][a-z]+ function");
    static final Pattern DOSE = Pattern.compile("|\\d{1,3}(-\\d{1,3})?");
    static final Pattern KEY_REQUIRED = Pattern.compile("([A-Z0-9-]+)=(?:(\\*\\d+:\\d+) status|[a-z-]+)");

    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Set<String>> unknownAlternatives = new TreeMap<>();

    /** Runs the generator; throws when the knowledge has integrity errors or cannot be read (fails the build). */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            throw new IllegalStateException("pgx rule generation failed (status " + status + "); see the messages above");
        }
    }

    /**
     * Checks the knowledge and writes the rules.
     *
     * @return 0 knowledge OK, 1 integrity errors, 2 usage or I/O error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts;
        try {
            opts = options(args);
        } catch (IllegalArgumentException e) {
            err.println("[pgx-rules] " + e.getMessage());
            err.println("usage: GenerateRules [--knowledge DIR|classpath] [--exemptions FILE] [--out DIR] [--check-only]");
            return 2;
        }
        GenerateRules generator = new GenerateRules();
        try {
            Source source = Source.of(opts.getOrDefault("--knowledge", "classpath"));
            Knowledge k = generator.load(source, opts);
            generator.check(k);
            generator.warnings.forEach(w -> err.println("[pgx-rules] warning: " + w));
            if (!generator.errors.isEmpty()) {
                generator.errors.forEach(e -> err.println("[pgx-rules] integrity error: " + e));
                err.println("[pgx-rules] " + generator.errors.size() + " integrity error(s) in " + source);
                return 1;
            }
            if (!opts.containsKey("--check-only")) {
                generator.write(k, Path.of(opts.getOrDefault("--out", "target/generated-resources/pgx-rules")));
            }
            out.println("[pgx-rules] knowledge OK: " + k.summary());
            return 0;
        } catch (IOException | UncheckedIOException | CsvTable.MalformedCsvException e) {
            err.println("[pgx-rules] " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--check-only")) {
                opts.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
        }
        return opts;
    }

    /** Where the knowledge tables are read from: a directory, or the pgx-knowledge jar on the class path. */
    record Source(Path dir) {
        static Source of(String spec) {
            return spec.equals("classpath") ? new Source(null) : new Source(Path.of(spec));
        }

        byte[] read(String table) throws IOException {
            if (dir != null) {
                Path p = dir.resolve(table);
                if (!Files.exists(p)) {
                    throw new IOException("knowledge table missing: " + p);
                }
                return Files.readAllBytes(p);
            }
            try (InputStream in = GenerateRules.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + table)) {
                if (in == null) {
                    throw new IOException("knowledge table missing on the class path: " + CLASSPATH_ROOT + table);
                }
                return in.readAllBytes();
            }
        }

        boolean exists(String table) {
            return dir != null ? Files.exists(dir.resolve(table))
                    : GenerateRules.class.getClassLoader().getResource(CLASSPATH_ROOT + table) != null;
        }

        @Override
        public String toString() {
            return dir != null ? dir.toString() : "classpath:" + CLASSPATH_ROOT;
        }
    }

    // ------------------------------------------------------------------ loading

    Knowledge load(Source src, Map<String, String> opts) throws IOException {
        Knowledge k = new Knowledge();
        k.vocabulary = Table.read(src, "vocabulary/lookup-keys.csv");
        k.equivalents = Table.read(src, "vocabulary/source-equivalents.csv");
        k.therapy = Table.read(src, "vocabulary/population-therapy.csv");
        k.algorithms = Table.read(src, "vocabulary/dosing-algorithms.csv");
        k.guidelines = Table.read(src, "guidelines/guidelines.csv");
        k.populations = Table.read(src, "guidelines/populations.csv");
        k.consequences = Table.read(src, "guidelines/consequences.csv");
        k.testRequired = Table.read(src, "clinical/test-required.csv");
        for (String source : SOURCES) {
            k.recommendations.put(source, Table.read(src, "guidelines/recommendations-" + source.toLowerCase() + ".csv"));
        }
        if (src.exists("drug/drugs.csv")) {
            k.catalog = Table.read(src, "drug/drugs.csv");
        } else {
            warnings.add("drug catalog drug/drugs.csv not found: drugs checked against guidelines.csv only");
        }
        if (opts.containsKey("--exemptions")) {
            Path p = Path.of(opts.get("--exemptions"));
            k.exemptions = Table.parse(p.getFileName().toString(), Files.readAllBytes(p));
        } else if (src.exists("vocabulary/integrity-exemptions.csv")) {
            k.exemptions = Table.read(src, "vocabulary/integrity-exemptions.csv");
        }
        k.index();
        return k;
    }

    // ------------------------------------------------------------------ integrity

    void check(Knowledge k) {
        for (Table t : k.provenanceTables()) {
            for (String meta : List.of("source", "version", "licence")) {
                if (t.meta(meta) == null) {
                    error(t.name + ": header line '# " + meta + ": …' missing");
                }
            }
        }
        checkVocabulary(k);
        checkGuidelines(k);
        Set<String> ids = new TreeSet<>();
        for (String source : SOURCES) {
            Table t = k.recommendations.get(source);
            t.requireColumns(this, "id", "guideline", "drug", "key", "population", "strength", "action",
                    "dose_percent", "dose_note", "alternatives", "consequence", "curation");
            for (Row r : t.rows) {
                checkRow(k, source, r, ids);
            }
            checkConflicts(k, source);
            checkCoverage(k, source);
        }
        checkTestRequired(k);
        checkAlgorithms(k);
        if (!unknownAlternatives.isEmpty()) {
            // Alternatives are shown by name; one missing from the catalog is written as its id (no Norwegian name).
            warnings.add("alternatives not in the drug catalog (shown by their English id): " + unknownAlternatives
                    .entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().size() + " rows)")
                    .collect(Collectors.joining(", ")));
        }
    }

    private void checkVocabulary(Knowledge k) {
        k.vocabulary.requireColumns(this, "gene", "lookup_key", "phenotype", "state", "kind");
        for (Row v : k.vocabulary.rows) {
            if (!Set.of("NORMAL", "INDETERMINATE", "ACTIONABLE").contains(v.get("state"))) {
                error(v.where() + ": state '" + v.get("state") + "' is not NORMAL, INDETERMINATE or ACTIONABLE");
            }
        }
        for (Row e : k.equivalents.rows) {
            String gene = e.get("gene");
            if (!SOURCES.contains(e.get("source")) || !k.keysOf(gene).contains(e.get("lookup_key"))
                    || !k.keysOf(gene).contains(e.get("matches")) || e.get("reason").isEmpty()) {
                error(e.where() + ": equivalent needs a known source, two lookup keys of " + gene + " and a reason");
            }
        }
        for (Row t : k.therapy.rows) {
            if (!k.populationKeys.contains(t.get("population")) || !Set.of("new", "established").contains(t.get("therapy"))) {
                error(t.where() + ": unknown population '" + t.get("population") + "' or therapy not new/established");
            }
        }
    }

    private void checkGuidelines(Knowledge k) {
        k.guidelines.requireColumns(this, "id", "source", "title", "drugs", "genes", "version", "url", "licence");
        for (Row g : k.guidelines.rows) {
            for (String col : List.of("id", "source", "version", "url", "licence")) {
                if (g.get(col).isEmpty()) {
                    error(g.where() + ": guideline without " + col);
                }
            }
            if (!SOURCES.contains(g.get("source"))) {
                error(g.where() + ": guideline source '" + g.get("source") + "' is not CPIC or DPWG");
            }
            for (String gene : list(g.get("genes"))) {
                if (!k.genes.contains(gene)) {
                    error(g.where() + ": unknown gene '" + gene + "' in guideline " + g.get("id"));
                }
            }
            for (String drug : list(g.get("drugs"))) {
                checkDrug(k, g, drug);
            }
        }
    }

    private void checkDrug(Knowledge k, Row where, String drug) {
        if (drug.isBlank() || !drug.equals(drug.toLowerCase())) {
            error(where.where() + ": drug '" + drug + "' is not an English INN in lower case");
        } else if (k.catalogIds != null && !k.catalogIds.contains(drug)) {
            error(where.where() + ": unknown drug '" + drug + "' (not in the drug catalog)");
        }
    }

    private void checkRow(Knowledge k, String source, Row r, Set<String> ids) {
        String id = r.get("id");
        if (id.isEmpty()) {
            error(r.where() + ": row without id");
        } else if (!ids.add(id)) {
            error(r.where() + ": duplicate id " + id);
        }
        Row g = k.guidelineById.get(r.get("guideline"));
        if (r.get("guideline").isEmpty()) {
            error(r.where() + ": row " + id + " has no guideline (source)");
        } else if (g == null) {
            error(r.where() + ": row " + id + " names unknown guideline " + r.get("guideline"));
        } else if (!g.get("source").equals(source)) {
            error(r.where() + ": row " + id + " is in the " + source + " table but guideline " + g.get("id")
                    + " is " + g.get("source"));
        }
        String drug = r.get("drug");
        checkDrug(k, r, drug);
        if (g != null && !list(g.get("drugs")).contains(drug)) {
            error(r.where() + ": row " + id + ": drug '" + drug + "' is not a drug of guideline " + g.get("id"));
        }
        for (Map.Entry<String, String> e : parseKey(r).entrySet()) {
            checkKeyValue(k, r, e.getKey(), e.getValue());
            if (g != null && k.genes.contains(e.getKey()) && !list(g.get("genes")).contains(e.getKey())) {
                error(r.where() + ": row " + id + ": gene " + e.getKey() + " is not a gene of guideline " + g.get("id"));
            }
        }
        if (!ACTIONS.contains(r.get("action"))) {
            error(r.where() + ": row " + id + ": unknown action '" + r.get("action") + "'");
        }
        if (!k.populationKeys.contains(r.get("population"))) {
            error(r.where() + ": row " + id + ": unknown population '" + r.get("population") + "'");
        }
        String consequence = r.get("consequence");
        if (!consequence.isEmpty() && !k.consequenceKeys.contains(consequence)) {
            error(r.where() + ": row " + id + ": unknown consequence '" + consequence + "'");
        }
        for (String note : list(r.get("dose_note"))) {
            if (!k.consequenceKeys.contains(note)) {
                error(r.where() + ": row " + id + ": unknown dose note '" + note + "'");
            }
        }
        if (!DOSE.matcher(r.get("dose_percent")).matches()) {
            error(r.where() + ": row " + id + ": dose_percent '" + r.get("dose_percent") + "' is not like 50 or 25-50");
        }
        for (String alt : list(r.get("alternatives"))) {
            for (String part : alt.split("\\+")) {
                if (k.catalogIds != null && !k.catalogIds.contains(part.trim())) {
                    unknownAlternatives.computeIfAbsent(part.trim(), x -> new TreeSet<>()).add(id);
                }
            }
        }
    }

    private void checkKeyValue(Knowledge k, Row r, String gene, String value) {
        String id = r.get("id");
        if (!k.genes.contains(gene)) {
            error(r.where() + ": row " + id + ": unknown gene '" + gene + "'");
            return;
        }
        Facet f = Facet.of(value);
        switch (f.kind) {
            case NONE -> { }
            case PHENOTYPE -> {
                if (!k.phenotypesOf(gene).contains(f.value)) {
                    error(r.where() + ": row " + id + ": " + gene + " has no phenotype '" + f.value + "'");
                }
            }
            case DIPLOTYPE -> {
                if (!f.value.contains("/")) {
                    error(r.where() + ": row " + id + ": '" + f.value + "' is not a diplotype of " + gene);
                }
            }
            case FUNCTION -> {
                if (!FUNCTION_PAIR.matcher(f.value).matches()) {
                    error(r.where() + ": row " + id + ": '" + f.value + "' is not a pair of allele function labels");
                }
            }
            case LOOKUP -> {
                if (!k.keysOf(gene).contains(f.value)) {
                    error(r.where() + ": row " + id + ": '" + f.value + "' is not a lookup key of " + gene);
                }
            }
        }
    }

    private void checkConflicts(Knowledge k, String source) {
        Map<String, List<Row>> bySlot = new TreeMap<>();
        for (Row r : k.recommendations.get(source).rows) {
            String slot = r.get("drug") + " | " + canonicalKey(parseKey(r)) + " | " + r.get("population");
            bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(r);
        }
        bySlot.forEach((slot, rows) -> {
            if (rows.size() > 1) {
                Set<String> advice = rows.stream().map(GenerateRules::advice).collect(Collectors.toSet());
                String ids = rows.stream().map(r -> r.get("id") + " (line " + r.line + ")")
                        .collect(Collectors.joining(", "));
                error(source + " rows " + ids + " claim the same key and population (" + slot + ") "
                        + (advice.size() > 1 ? "with different advice" : "twice"));
            }
        });
    }

    /**
     * Once a drug has rows for a gene (per source and population), every actionable result of that gene must be
     * covered: by its own key, its phenotype ({@code phenotype:} rows), a source equivalent, or an exemption with a
     * reason. For allele-status genes only the risk alleles the drug's rows name count.
     */
    private void checkCoverage(Knowledge k, String source) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (Row r : k.recommendations.get(source).rows) {
            parseKey(r).forEach((gene, value) -> values.computeIfAbsent(
                    r.get("drug") + "\t" + gene + "\t" + r.get("population"), x -> new TreeSet<>()).add(value));
        }
        values.forEach((slot, vals) -> {
            String[] p = slot.split("\t");
            String drug = p[0];
            String gene = p[1];
            Set<String> alleles = vals.stream().map(GenerateRules::alleleOf).filter(a -> a != null)
                    .collect(Collectors.toSet());
            List<String> missing = new ArrayList<>();
            for (Row v : k.vocabularyOf(gene)) {
                String key = v.get("lookup_key");
                boolean required = v.get("state").equals("ACTIONABLE")
                        && (!v.get("kind").equals("allele-status") || alleles.contains(alleleOf(key)));
                String eq = k.equivalent(source, gene, key);
                boolean covered = vals.contains(key) || vals.contains("phenotype:" + v.get("phenotype"))
                        || (eq != null && vals.contains(eq));
                if (required && !covered && !k.exempt(source, drug, gene, key)) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                error(source + " " + drug + " (" + p[2] + "): rows for some " + gene
                        + " results but none for the actionable " + missing);
            }
        });
    }

    private void checkTestRequired(Knowledge k) {
        k.testRequired.requireColumns(this, "drug", "gene", "key_required", "reason_en", "reason_nb", "source");
        Set<String> seen = new TreeSet<>();
        for (Row r : k.testRequired.rows) {
            checkDrug(k, r, r.get("drug"));
            if (!k.ruleDrugs.contains(r.get("drug"))) {
                error(r.where() + ": test required for '" + r.get("drug") + "', which has no recommendation rows");
            }
            String gene = r.get("gene");
            if (!k.genes.contains(gene)) {
                error(r.where() + ": unknown gene '" + gene + "'");
            }
            Matcher m = KEY_REQUIRED.matcher(r.get("key_required"));
            if (!r.get("key_required").isEmpty()
                    && (!m.matches() || !m.group(1).equals(gene)
                    || (m.group(2) != null && !k.keysOf(gene).contains(m.group(2) + " positive")))) {
                error(r.where() + ": key_required '" + r.get("key_required") + "' is not " + gene
                        + "=<what> or " + gene + "=<risk allele> status");
            }
            if (r.get("source").isEmpty() || r.get("reason_en").isEmpty() || r.get("reason_nb").isEmpty()) {
                error(r.where() + ": test requirement without source or reason");
            }
            if (!seen.add(r.get("drug") + "/" + gene + "/" + r.get("key_required"))) {
                error(r.where() + ": duplicate test requirement " + r.get("drug") + "/" + gene);
            }
        }
    }

    private void checkAlgorithms(Knowledge k) {
        for (Row a : k.algorithms.rows) {
            checkDrug(k, a, a.get("drug"));
            for (String gene : list(a.get("genes"))) {
                if (!k.genes.contains(gene)) {
                    error(a.where() + ": unknown gene '" + gene + "'");
                }
            }
            if (!SOURCES.contains(a.get("source")) || a.get("url").isEmpty() || a.get("version").isEmpty()
                    || !ACTIONS.contains(a.get("action")) || !k.consequenceKeys.contains(a.get("consequence"))) {
                error(a.where() + ": dosing algorithm needs source, version, url, an action and a known consequence");
            }
            boolean hasRows = k.recommendations.get(a.get("source")) != null && k.recommendations.get(a.get("source"))
                    .rows.stream().anyMatch(r -> r.get("drug").equals(a.get("drug")));
            if (hasRows) {
                error(a.where() + ": " + a.get("source") + " " + a.get("drug")
                        + " has recommendation rows and a dosing algorithm; keep one");
            }
        }
    }

    void error(String message) {
        errors.add(message);
    }

    // ------------------------------------------------------------------ generation

    void write(Knowledge k, Path out) throws IOException {
        Path dir = out.resolve(RULE_PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        for (String source : SOURCES) {
            Files.writeString(dir.resolve(source.toLowerCase() + ".drl"), drl(k, source), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("manifest.properties"), manifest(k), StandardCharsets.UTF_8);
    }

    private String drl(Knowledge k, String source) {
        Table t = k.recommendations.get(source);
        StringBuilder b = new StringBuilder(t.rows.size() * 500);
        b.append("// GENERATED by pgx-rules-generator (no.pgx.rules.generator.GenerateRules) from ").append(t.name)
                .append(" (one rule per row). Do not edit: change the table.\n")
                .append("// source: ").append(t.meta("source")).append('\n')
                .append("// version: ").append(t.meta("version")).append('\n')
                .append("// licence: ").append(t.meta("licence")).append('\n')
                .append("package ").append(RULE_PACKAGE).append(";\n\n")
                .append("import no.pgx.rules.model.OrderedDrug;\n")
                .append("import no.pgx.rules.model.GeneFact;\n")
                .append("import no.pgx.rules.model.DrugGene;\n")
                .append("import no.pgx.rules.model.Candidate;\n\n");
        for (Row r : t.rows) {
            rule(k, source, r, parseKey(r), b);
        }
        return b.toString();
    }

    /**
     * Writes one rule. A plain lookup value also matches the patient keys the source has no category for and that
     * source-equivalents.csv maps to it ({@code lookupKey in (...)}); the candidate then notes the equivalence and
     * ranks below a row written for the patient's own key.
     *
     * <p>A result is matched as a {@code DrugGene} (a gene fact offered to one ordered drug) with equality on
     * literals only, drug first, then gene, then the key: Drools' alpha network hashes those constraints, so a
     * patient's fact reaches the few rows of its drug, gene and key instead of every row of the drug being joined with
     * every gene fact. A row whose key is {@code No Result} for every gene matches the order itself.
     */
    private void rule(Knowledge k, String source, Row r, Map<String, String> key, StringBuilder b) {
        String drug = r.get("drug");
        b.append("rule \"").append(source).append(' ').append(esc(r.get("id")));
        List<String> bound = new ArrayList<>();
        StringBuilder when = new StringBuilder();
        StringBuilder absent = new StringBuilder();
        int specificity = 0;
        for (Map.Entry<String, String> e : key.entrySet()) {
            String gene = esc(e.getKey());
            Facet f = Facet.of(e.getValue());
            if (f.kind == Facet.Kind.NONE) {
                String allele = k.singleAllele(drug, e.getKey());
                absent.append("    not GeneFact( gene == \"").append(gene).append('"');
                if (allele != null) {
                    absent.append(", allele == \"").append(esc(allele)).append('"');
                }
                absent.append(" )\n");
                continue;
            }
            String var = "$g" + bound.size();
            bound.add(var);
            when.append("    ").append(var).append(" : DrugGene( drug == \"").append(esc(drug))
                    .append("\", gene == \"").append(gene).append("\", ").append(f.field());
            List<String> aliases = f.kind == Facet.Kind.LOOKUP ? k.keysMatching(source, e.getKey(), f.value) : List.of();
            if (aliases.isEmpty()) {
                when.append(" == \"").append(esc(f.value)).append('"');
            } else {
                when.append(" in ( \"").append(esc(f.value)).append('"');
                for (String alias : aliases) {
                    when.append(", \"").append(esc(alias)).append('"');
                }
                when.append(" )");
            }
            when.append(" )\n");
            specificity += f.specificity();
        }
        // The row's data travels as rule metadata, so that every consequence has the same text: the executable model
        // then shares one consequence class between all rules instead of generating one per row (start-up time).
        b.append("\"\n")
                .append("    @id(\"").append(esc(r.get("id"))).append("\") @source(\"").append(source)
                .append("\") @drug(\"").append(esc(drug)).append("\") @population(\"")
                .append(esc(r.get("population"))).append("\")\n")
                .append("    @action(\"").append(esc(r.get("action"))).append("\") @advice(\"").append(esc(advice(r)))
                .append("\") @key(\"").append(esc(canonicalKey(key))).append("\") @specificity(\"")
                .append(specificity).append("\")");
        b.append("\n    salience 100\nwhen\n");
        if (bound.isEmpty()) {
            b.append("    OrderedDrug( drug == \"").append(esc(drug)).append("\" )\n");
        }
        b.append(when).append(absent)
                .append("then\n    insert( Candidate.recommendation( drools.getRule().getMetaData()");
        for (String var : bound) {
            b.append(", ").append(var).append(".fact()");
        }
        b.append(" ) );\nend\n\n");
    }

    private String manifest(Knowledge k) throws IOException {
        StringBuilder b = new StringBuilder(
                "# GENERATED by GenerateRules.java: what the generated rules were built from\n");
        List<String> versions = new ArrayList<>();
        for (String source : SOURCES) {
            Table t = k.recommendations.get(source);
            versions.add(source + " " + t.meta("version"));
            b.append("rows.").append(source).append('=').append(t.rows.size()).append('\n');
        }
        for (Table t : k.provenanceTables()) {
            b.append("sha256.").append(t.name).append('=').append(sha256(t.bytes)).append('\n');
        }
        b.append("knowledge.version=").append(esc(String.join(" | ", versions)).replace("\n", " ")).append('\n');
        return b.toString();
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, String> parseKey(Row r) {
        Map<String, String> key = new TreeMap<>();
        for (String part : r.get("key").split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                key.put(part.trim(), "");  // reported as an unknown gene
            } else {
                key.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return key;
    }

    static String canonicalKey(Map<String, String> key) {
        return key.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static String advice(Row r) {
        return r.get("action") + "|" + r.get("strength") + "|" + r.get("dose_percent") + "|" + r.get("alternatives");
    }

    static String alleleOf(String value) {
        int sp = value.indexOf(' ');
        return value.startsWith("*") && sp > 0 ? value.substring(0, sp) : null;
    }

    static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split("[;|]")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a key value matches a gene fact. */
    static final class Facet {
        enum Kind { LOOKUP, PHENOTYPE, DIPLOTYPE, FUNCTION, NONE }

        final Kind kind;
        final String value;

        private Facet(Kind kind, String value) {
            this.kind = kind;
            this.value = value;
        }

        static Facet of(String value) {
            if (value.equals(NO_RESULT)) {
                return new Facet(Kind.NONE, value);
            }
            for (Kind k : List.of(Kind.PHENOTYPE, Kind.DIPLOTYPE, Kind.FUNCTION)) {
                String prefix = k.name().toLowerCase() + ":";
                if (value.startsWith(prefix)) {
                    return new Facet(k, value.substring(prefix.length()));
                }
            }
            return new Facet(Kind.LOOKUP, value);
        }

        String field() {
            return switch (kind) {
                case PHENOTYPE -> "phenotype";
                case DIPLOTYPE -> "diplotype";
                case FUNCTION -> "functions";
                default -> "lookupKey";
            };
        }

        /** Diplotype and function pair beat a lookup key, which beats a phenotype (knowledge/README.md, precedence). */
        int specificity() {
            return switch (kind) {
                case DIPLOTYPE, FUNCTION -> 6;
                case LOOKUP -> 4;
                case PHENOTYPE -> 2;
                default -> 0;
            };
        }
    }

    // ------------------------------------------------------------------ model

    static final class Knowledge {
        Table vocabulary;
        Table equivalents;
        Table therapy;
        Table algorithms;
        Table guidelines;
        Table populations;
        Table consequences;
        Table testRequired;
        Table catalog;
        Table exemptions;
        final Map<String, Table> recommendations = new LinkedHashMap<>();
        final Set<String> genes = new TreeSet<>();
        final Map<String, Row> guidelineById = new LinkedHashMap<>();
        Set<String> populationKeys = Set.of();
        Set<String> consequenceKeys = Set.of();
        Set<String> catalogIds;
        final Set<String> ruleDrugs = new TreeSet<>();
        private final Map<String, Set<String>> allelesByDrugGene = new TreeMap<>();

        void index() {
            vocabulary.rows.forEach(r -> genes.add(r.get("gene")));
            guidelines.rows.forEach(r -> guidelineById.put(r.get("id"), r));
            populationKeys = column(populations, "key");
            consequenceKeys = column(consequences, "key");
            if (catalog != null) {
                catalogIds = column(catalog, catalog.columns.contains("id") ? "id" : "drug");
            }
            for (Table t : recommendations.values()) {
                for (Row r : t.rows) {
                    ruleDrugs.add(r.get("drug"));
                    parseKey(r).forEach((gene, value) -> {
                        String allele = alleleOf(value);
                        if (allele != null) {
                            allelesByDrugGene.computeIfAbsent(r.get("drug") + "/" + gene, x -> new TreeSet<>())
                                    .add(allele);
                        }
                    });
                }
            }
        }

        /** @return the one risk allele the drug's rows name for an allele-status gene, else null */
        String singleAllele(String drug, String gene) {
            Set<String> alleles = allelesByDrugGene.get(drug + "/" + gene);
            return alleles != null && alleles.size() == 1 ? alleles.iterator().next() : null;
        }

        List<Row> vocabularyOf(String gene) {
            return vocabulary.rows.stream().filter(r -> r.get("gene").equals(gene)).toList();
        }

        Set<String> keysOf(String gene) {
            return vocabularyOf(gene).stream().map(r -> r.get("lookup_key")).collect(Collectors.toSet());
        }

        Set<String> phenotypesOf(String gene) {
            return vocabularyOf(gene).stream().map(r -> r.get("phenotype")).collect(Collectors.toSet());
        }

        /** @return the key whose rows apply to {@code key} for this source, or null */
        String equivalent(String source, String gene, String key) {
            return equivalents.rows.stream().filter(r -> r.get("source").equals(source) && r.get("gene").equals(gene)
                    && r.get("lookup_key").equals(key)).map(r -> r.get("matches")).findFirst().orElse(null);
        }

        /** @return the patient keys that match rows written for {@code value} in this source */
        List<String> keysMatching(String source, String gene, String value) {
            return equivalents.rows.stream().filter(r -> r.get("source").equals(source) && r.get("gene").equals(gene)
                    && r.get("matches").equals(value)).map(r -> r.get("lookup_key")).toList();
        }

        boolean exempt(String source, String drug, String gene, String key) {
            return exemptions != null && exemptions.rows.stream().anyMatch(r -> r.get("source").equals(source)
                    && (r.get("drug").equals(drug) || r.get("drug").equals("*")) && r.get("gene").equals(gene)
                    && r.get("lookup_key").equals(key) && !r.get("reason").isEmpty());
        }

        /** Tables that must state source, version and licence. */
        List<Table> provenanceTables() {
            List<Table> all = new ArrayList<>(List.of(vocabulary, equivalents, therapy, algorithms, guidelines,
                    populations, consequences, testRequired));
            all.addAll(recommendations.values());
            return all;
        }

        String summary() {
            return recommendations.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().rows.size() + " rows")
                    .collect(Collectors.joining(", ")) + ", " + ruleDrugs.size() + " drugs";
        }

        private static Set<String> column(Table t, String col) {
            return t.rows.stream().map(r -> r.get(col)).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    /** One data row of a knowledge table; values trimmed, a missing column reads as empty. */
    static final class Row {
        final String table;
        final int line;
        final CsvTable.Row row;

        Row(String table, CsvTable.Row row) {
            this.table = table;
            this.line = row.line();
            this.row = row;
        }

        String get(String column) {
            return row.hasColumn(column) ? row.get(column).trim() : "";
        }

        String where() {
            return table + ":" + line;
        }
    }

    /** A knowledge table read with the project's one CSV reader, plus its bytes (for the manifest checksum). */
    static final class Table {
        final String name;
        final byte[] bytes;
        final CsvTable csv;
        final List<String> columns;
        final List<Row> rows;

        private Table(String name, byte[] bytes, CsvTable csv) {
            this.name = name;
            this.bytes = bytes;
            this.csv = csv;
            this.columns = csv.columns();
            this.rows = csv.rows().stream().map(r -> new Row(name, r)).toList();
        }

        static Table read(Source src, String table) throws IOException {
            return parse(table.substring(table.lastIndexOf('/') + 1), src.read(table));
        }

        static Table parse(String name, byte[] bytes) throws IOException {
            try (InputStreamReader in = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
                return new Table(name, bytes, CsvTable.parse(name, in));
            }
        }

        String meta(String key) {
            String v = csv.metadata(key);
            if (v == null && key.equals("licence")) {
                v = csv.metadata("license");
            }
            return v == null || v.isBlank() ? null : v;
        }

        void requireColumns(GenerateRules g, String... names) {
            for (String n : names) {
                if (!columns.contains(n)) {
                    g.error(name + ": column '" + n + "' missing (header: " + columns + ")");
                }
            }
        }
    }
}
