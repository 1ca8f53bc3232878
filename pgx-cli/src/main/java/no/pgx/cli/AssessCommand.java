package no.pgx.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Problem;
import no.pgx.engine.fhir.FhirResults;

/**
 * {@code pgx-cli assess}: drug advice for patients' gene results.
 *
 * <p>Batch form (ARCHITECTURE.md contract): {@code assess --input FILE.jsonl|- [--include-normal]} reads one JSON case
 * per line ({@code id}, {@code results} per gene with {@code diplotype}, {@code phenotype}, {@code activityScore} or
 * {@code alleleStatus}, optional {@code drugs} (names, Norwegian names, ATC codes; absent = every drug),
 * {@code medications}, and as extensions {@code population}, {@code ageYears}, {@code sources}) and writes one JSON line
 * per case with {@code id}, {@code findings} and {@code errors}. A bad line gives its case an error and the batch goes
 * on.
 *
 * <p>Form for people: {@code assess --result GENE=VALUE … --drug NAME … [--medication NAME …] [--population P]
 * [--age N] [--include-normal] [--lang nb|en] [--format table|json]} prints a table (or the JSON line).
 *
 * <p>Exit code: 0 all cases assessed without errors, 1 some input had errors, 2 usage error.
 */
final class AssessCommand implements Command {
    private final Supplier<PgxEngine> engines;
    private final ObjectMapper json = new ObjectMapper();
    private final Cache<Finding, byte[]> findingJson = Caffeine.newBuilder().weakKeys().maximumSize(20_000).build();
    private final Cache<Finding, byte[]> detailedJson = Caffeine.newBuilder().weakKeys().maximumSize(5_000).build();
    private PgxEngine engine;

    AssessCommand() {
        this(() -> PgxEngine.builder().build());
    }

    AssessCommand(Supplier<PgxEngine> engines) {
        this.engines = engines;
    }

    @Override
    public String name() {
        return "assess";
    }

    @Override
    public String usage() {
        return "assess --input FILE.jsonl|- [--include-normal] [--detail] [--threads N]  |  assess --result GENE=VALUE|--fhir BUNDLE.json --drug NAME"
                + " [--medication NAME] [--population P] [--age N] [--include-normal] [--lang nb|en]"
                + " [--format table|json]   drug advice (CPIC, DPWG) for gene results";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Options o = Options.parse(args);
        if (o.input != null) {
            return batch(o, in, out, err);
        }
        if (o.results.isEmpty() && o.drugs.isEmpty() && o.fhir == null) {
            throw new UsageException("give --input FILE.jsonl, or --result GENE=VALUE (or --fhir BUNDLE.json) and --drug NAME");
        }
        return single(o, out);
    }

    // ------------------------------------------------------------------ batch

    private int batch(Options o, InputStream in, PrintStream out, PrintStream err) {
        int threads = o.threads > 0 ? o.threads : Runtime.getRuntime().availableProcessors();
        engine();  // load the knowledge before the workers start, once
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pgx-assess");
            t.setDaemon(true);
            return t;
        });
        // Chunks are assessed in parallel and written in input order; at most 2 × threads chunks wait, which bounds
        // memory however long the input is.
        ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        int failed = 0;
        int lineNo = 0;
        IOException readError = null;
        try {
            try (BufferedReader reader = reader(o.input, in)) {
                List<String> lines = new ArrayList<>(CHUNK);
                int first = 1;
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    lines.add(line);
                    if (lines.size() == CHUNK) {
                        pending.add(submit(workers, lines, first, o));
                        lines = new ArrayList<>(CHUNK);
                        first = lineNo + 1;
                        while (pending.size() > 2 * threads) {
                            failed += write(pending.poll(), out);
                        }
                    }
                }
                if (!lines.isEmpty()) {
                    pending.add(submit(workers, lines, first, o));
                }
            } catch (IOException e) {
                readError = e;  // what was read is still assessed and written below
            }
            while (!pending.isEmpty()) {
                failed += write(pending.poll(), out);
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
            workers.shutdownNow();
            out.flush();
        }
        if (readError != null) {
            err.println("Cannot read " + o.input + " after line " + lineNo + ": " + readError.getMessage());
            return 2;
        }
        if (failed > 0) {
            err.println(failed + " case(s) had errors; see their \"errors\"");
        }
        return failed > 0 ? 1 : 0;
    }

    /** Input lines assessed together by one worker. */
    private static final int CHUNK = 64;

    /**
     * The output of a chunk: its lines as UTF-8 JSON in parts (mostly the cached bytes of findings, shared, never
     * copied until they reach the output buffer), and how many of its cases had errors.
     */
    private record Chunk(List<byte[]> parts, int failed) {
    }

    private Future<Chunk> submit(ExecutorService workers, List<String> lines, int firstLineNo, Options o) {
        return workers.submit(() -> {
            List<byte[]> parts = new ArrayList<>(lines.size() * 128);
            int failed = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                int lineNo = firstLineNo + i;
                Line result;
                try {
                    result = assessLine(line, lineNo, o.includeNormal);
                } catch (RuntimeException e) {
                    // A defect must not cost the rest of the batch its results: the case says what happened.
                    ArrayNode errors = json.createArrayNode();
                    errors.add(error(null, null, "line " + lineNo + ": could not be assessed (internal error "
                            + e.getClass().getSimpleName() + "); please report this"));
                    result = new Line(null, List.of(), errors);
                }
                if (!result.errors().isEmpty()) {
                    failed++;
                }
                writeLine(result, o.detail, parts);
            }
            return new Chunk(parts, failed);
        });
    }

    private static int write(Future<Chunk> pending, PrintStream out) {
        Chunk chunk;
        try {
            chunk = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while assessing", e);
        } catch (ExecutionException e) {
            // Only an Error (e.g. out of memory) gets here: every case's own failure is in its "errors".
            throw new IllegalStateException("assessment failed: " + e.getCause(), e.getCause());
        }
        for (byte[] part : chunk.parts()) {
            out.write(part, 0, part.length);
        }
        return chunk.failed();
    }

    /** One assessed input line: its id as sent, its findings and its errors. */
    record Line(JsonNode id, List<Finding> findings, ArrayNode errors) {
    }

    /**
     * Adds one output line ({@code {"id":…,"findings":[…],"errors":[…]}} and a newline, UTF-8) to {@code parts}. A
     * finding is a pure function of the engine's (cached, shared) {@link Finding} object, so its JSON is serialised
     * once per object and reused; the cache holds its keys weakly and by identity, so it never keeps a finding alive
     * nor confuses two equal ones.
     */
    private void writeLine(Line line, boolean withDetail, List<byte[]> parts) throws IOException {
        Cache<Finding, byte[]> cache = withDetail ? detailedJson : findingJson;
        parts.add(ID);
        parts.add(json.writeValueAsBytes(line.id() == null ? NullNode.getInstance() : line.id()));
        parts.add(FINDINGS);
        for (int i = 0; i < line.findings().size(); i++) {
            if (i > 0) {
                parts.add(COMMA);
            }
            parts.add(cache.get(line.findings().get(i), f -> toBytes(finding(f, withDetail))));
        }
        parts.add(ERRORS);
        parts.add(json.writeValueAsBytes(line.errors()));
        parts.add(END);
    }

    private byte[] toBytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[] ID = "{\"id\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FINDINGS = ",\"findings\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ERRORS = "],\"errors\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA = {','};

    private static BufferedReader reader(String input, InputStream in) throws IOException {
        if (input.equals("-")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Path p = Path.of(input);
        if (!Files.isReadable(p)) {
            throw new UsageException("cannot read input file '" + input + "'");
        }
        return Files.newBufferedReader(p, StandardCharsets.UTF_8);
    }

    /** Assesses one input line; never throws for bad input. */
    Line assessLine(String line, int lineNo, boolean includeNormal) {
        ArrayNode errors = json.createArrayNode();
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            errors.add(error(null, null, "line " + lineNo + ": not valid JSON: " + e.getOriginalMessage()));
            return new Line(null, List.of(), errors);
        }
        JsonNode id = node == null ? null : node.get("id");
        AssessmentRequest request = request(node, lineNo, includeNormal, errors);
        List<Finding> findings = List.of();
        if (request != null) {
            Assessment a = engine().assess(request);
            findings = a.findings();
            a.problems().forEach(p -> errors.add(error(p.gene(), p.field(), p.message())));
        }
        return new Line(id == null || id.isNull() ? null : id, findings, errors);
    }

    private AssessmentRequest request(JsonNode node, int lineNo, boolean includeNormal, ArrayNode errors) {
        if (node == null || !node.isObject()) {
            errors.add(error(null, null, "line " + lineNo + ": a case must be a JSON object"));
            return null;
        }
        AssessmentRequest.Builder b = AssessmentRequest.builder().includeNormal(includeNormal);
        JsonNode results = node.get("results");
        if (results != null && !results.isNull()) {
            if (!results.isObject()) {
                errors.add(error(null, "results", "line " + lineNo + ": \"results\" must be an object of genes"));
                return null;
            }
            Iterator<Map.Entry<String, JsonNode>> it = results.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                GeneInput g = geneInput(e.getKey(), e.getValue(), lineNo, errors);
                if (g != null) {
                    b.result(g);
                }
            }
        }
        if (node.has("drugs") && !node.get("drugs").isNull()) {
            List<String> drugs = strings(node.get("drugs"), "drugs", lineNo, errors);
            if (drugs == null) {
                return null;
            }
            b.drugs(drugs);
        }
        if (node.has("medications") && !node.get("medications").isNull()) {
            List<String> meds = strings(node.get("medications"), "medications", lineNo, errors);
            if (meds == null) {
                return null;
            }
            b.medications(meds);
        }
        if (node.hasNonNull("population")) {
            b.population(node.get("population").asText());
        }
        JsonNode age = node.has("ageYears") ? node.get("ageYears") : node.get("age");
        if (age != null && !age.isNull()) {
            if (!age.canConvertToInt()) {
                errors.add(error(null, "ageYears", "line " + lineNo + ": age must be whole years, not " + age));
            } else {
                b.ageYears(age.asInt());
            }
        }
        if (node.has("sources")) {
            List<String> sources = strings(node.get("sources"), "sources", lineNo, errors);
            if (sources != null) {
                sources.forEach(b::source);
            }
        }
        return b.build();
    }

    private GeneInput geneInput(String gene, JsonNode v, int lineNo, ArrayNode errors) {
        if (v != null && v.isTextual()) {
            return guess(gene, v.asText());
        }
        if (v == null || !v.isObject()) {
            errors.add(error(gene, "results", "line " + lineNo + ": " + gene + " must be an object with diplotype,"
                    + " phenotype, activityScore or alleleStatus"));
            return null;
        }
        String diplotype = text(v, "diplotype");
        String phenotype = text(v, "phenotype");
        String score = text(v, "activityScore");
        String status = text(v, "alleleStatus");
        if (diplotype == null && phenotype == null && score == null && status == null) {
            errors.add(error(gene, "results", "line " + lineNo + ": " + gene + " has none of diplotype, phenotype,"
                    + " activityScore, alleleStatus"));
            return null;
        }
        return new GeneInput(gene, diplotype, phenotype, score, status, null);
    }

    private static String text(JsonNode v, String field) {
        JsonNode n = v.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private List<String> strings(JsonNode n, String field, int lineNo, ArrayNode errors) {
        if (n.isTextual()) {
            return List.of(n.asText());
        }
        if (!n.isArray()) {
            errors.add(error(null, field, "line " + lineNo + ": \"" + field + "\" must be a list of strings"));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isTextual()) {
                errors.add(error(null, field, "line " + lineNo + ": \"" + field + "\" must be a list of strings,"
                        + " found " + x));
                return null;
            }
            out.add(x.asText());
        }
        return out;
    }

    private ObjectNode error(String gene, String field, String message) {
        ObjectNode e = json.createObjectNode();
        if (gene != null) {
            e.put("gene", gene);
        }
        if (field != null) {
            e.put("field", field);
        }
        e.put("message", message);
        return e;
    }

    ObjectNode finding(Finding f, boolean withDetail) {
        ObjectNode n = json.createObjectNode();
        n.put("drug", f.drug());
        n.put("source", f.source());
        n.put("population", f.population());
        n.set("lookupKey", map(f.lookupKey()));
        n.put("strength", f.strength());
        n.put("action", f.action().name());
        ArrayNode alts = n.putArray("alternatives");
        f.alternatives().forEach(alts::add);
        n.set("phenotypes", map(f.phenotypes()));
        n.put("phenoconverted", f.phenoconverted());
        ArrayNode conversions = n.putArray("phenoconversions");
        f.phenoconversions().forEach(p -> conversions.add(phenoconversion(p)));
        ObjectNode summary = n.putObject("summary");
        summary.put("en", f.summary().en());
        summary.put("nb", f.summary().nb());
        ObjectNode guideline = n.putObject("guideline");
        if (f.guideline() != null) {
            guideline.put("id", f.guideline().id());
            guideline.put("version", f.guideline().version());
            guideline.put("url", f.guideline().url());
        }
        if (f.dosePercent() == null) {
            n.putNull("dosePercent");
        } else {
            n.put("dosePercent", f.dosePercent());
        }
        n.put("consequence", f.consequence());
        n.put("recommendationId", f.recommendationId());
        ObjectNode label = n.putObject("populationLabel");
        label.put("en", f.populationLabel().en());
        label.put("nb", f.populationLabel().nb());
        if (withDetail) {
            // The Markdown detail is most of the bytes of a finding; batch output carries it only on request.
            ObjectNode detail = n.putObject("detail");
            detail.put("en", f.detail().en());
            detail.put("nb", f.detail().nb());
        }
        return n;
    }

    /** A phenoconversion: gene, perpetrator, its effect and strength, and both results (extension of the contract). */
    private ObjectNode phenoconversion(Phenoconversion p) {
        ObjectNode n = json.createObjectNode();
        n.put("gene", p.gene());
        n.put("perpetrator", p.perpetrator());
        n.put("effect", p.effect());
        n.put("strength", p.strength());
        n.set("genotypePredicted", result(p.genotypePredicted()));
        n.set("functional", result(p.functional()));
        n.put("policyVersion", p.policyVersion());
        return n;
    }

    private ObjectNode result(GeneResult r) {
        ObjectNode n = json.createObjectNode();
        n.put("phenotype", r.phenotype());
        n.put("activityScore", r.activityScore());
        n.put("lookupKey", r.lookupKey());
        return n;
    }

    private ObjectNode map(Map<String, String> m) {
        ObjectNode n = json.createObjectNode();
        m.forEach(n::put);
        return n;
    }

    // ------------------------------------------------------------------ single case for people

    private int single(Options o, PrintStream out) {
        if (o.drugs.isEmpty()) {
            throw new UsageException("give at least one --drug (name, Norwegian name or ATC code)");
        }
        AssessmentRequest.Builder b = AssessmentRequest.builder().includeNormal(o.includeNormal).drugs(o.drugs)
                .medications(o.medications).population(o.population).ageYears(o.age);
        List<Problem> fhirProblems = new ArrayList<>();
        if (o.fhir != null) {
            // Results from a FHIR Bundle (Genomics Reporting Observations); a --result for the same gene wins.
            FhirResults fhir = FhirResults.fromJson(readFile(o.fhir));
            fhir.results().stream().filter(r -> o.results.keySet().stream().noneMatch(g -> g.equalsIgnoreCase(r.gene())))
                    .forEach(b::result);
            fhirProblems.addAll(fhir.problems());
        }
        o.results.forEach((gene, value) -> b.result(guess(gene, value)));
        o.sources.forEach(b::source);
        Assessment assessed = engine().assess(b.build());
        List<Problem> problems = new ArrayList<>(fhirProblems);
        problems.addAll(assessed.problems());
        Assessment a = new Assessment(assessed.results(), assessed.phenoconversions(), assessed.findings(), problems,
                assessed.knowledgeVersion());
        if (o.format.equals("json")) {
            ObjectNode result = json.createObjectNode();
            result.putNull("id");
            ArrayNode findings = result.putArray("findings");
            a.findings().forEach(f -> findings.add(finding(f, true)));
            ArrayNode errors = result.putArray("errors");
            a.problems().forEach(p -> errors.add(error(p.gene(), p.field(), p.message())));
            try {
                out.println(json.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            table(a, o.lang, out);
        }
        return a.problems().isEmpty() ? 0 : 1;
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static void table(Assessment a, String lang, PrintStream out) {
        boolean en = lang.equals("en");
        a.results().forEach(r -> out.println((en ? "Result: " : "Resultat: ") + r.gene() + " "
                + (r.diplotypeAsWritten() == null ? "" : r.diplotypeAsWritten() + " → ") + r.phenotype()
                + (r.activityScore() == null ? "" : " (AS " + r.activityScore() + ")")));
        if (a.findings().isEmpty()) {
            out.println(en ? "No findings: no guideline advice changes therapy for these results."
                    : "Ingen funn: ingen retningslinje gir endret behandling for disse resultatene.");
        } else {
            String[] head = en ? new String[] {"DRUG", "SOURCE", "POPULATION", "ACTION", "STRENGTH", "SUMMARY"}
                    : new String[] {"LEGEMIDDEL", "KILDE", "PASIENTGRUPPE", "TILTAK", "STYRKE", "SAMMENDRAG"};
            List<String[]> rows = new ArrayList<>();
            rows.add(head);
            for (Finding f : a.findings()) {
                rows.add(new String[] {f.drug(), f.source(), f.populationLabel().in(lang), f.action().name(),
                        f.strength(), f.summary().in(lang)});
            }
            int[] w = new int[head.length - 1];
            for (String[] r : rows) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < w.length; i++) {
                    s.append(String.format(Locale.ROOT, "%-" + w[i] + "s  ", r[i]));
                }
                out.println(s.append(r[w.length]).toString().stripTrailing());
            }
        }
        for (Problem p : a.problems()) {
            out.println((en ? "Problem: " : "Problem: ") + p.message());
        }
        out.println((en ? "Knowledge: " : "Kunnskapsgrunnlag: ") + a.knowledgeVersion());
    }

    /**
     * Reads a result value the way people write it: a diplotype when it has a {@code /}, an allele status when it says
     * positive or negative, an activity score when it is a number (also {@code ≥3.0}), else a phenotype.
     */
    static GeneInput guess(String gene, String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.endsWith("positive") || lower.endsWith("negative") || lower.contains("positive;")
                || lower.contains("negative;")) {
            return GeneInput.alleleStatus(gene, v);
        }
        if (v.contains("/")) {
            return GeneInput.diplotype(gene, v);
        }
        if (v.matches("(≥|>=)?\\d+(\\.\\d+)?")) {
            return GeneInput.activityScore(gene, v);
        }
        return GeneInput.phenotype(gene, v);
    }

    private synchronized PgxEngine engine() {
        if (engine == null) {
            engine = engines.get();
        }
        return engine;
    }

    /** Parsed command-line options. */
    private static final class Options {
        String input;
        String fhir;
        boolean includeNormal;
        boolean detail;
        int threads;
        final Map<String, String> results = new LinkedHashMap<>();
        final List<String> drugs = new ArrayList<>();
        final List<String> medications = new ArrayList<>();
        final List<String> sources = new ArrayList<>();
        String population;
        Integer age;
        String format = "table";
        String lang = "nb";

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--input" -> o.input = value(args, ++i, a);
                    case "--fhir" -> o.fhir = value(args, ++i, a);
                    case "--include-normal" -> o.includeNormal = true;
                    case "--detail" -> o.detail = true;
                    case "--threads" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.threads = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            o.threads = -1;
                        }
                        if (o.threads < 1 || o.threads > 256) {
                            throw new UsageException("--threads needs a whole number from 1 to 256, not '" + v + "'");
                        }
                    }
                    case "--result" -> {
                        String r = value(args, ++i, a);
                        int eq = r.indexOf('=');
                        if (eq <= 0 || eq == r.length() - 1) {
                            throw new UsageException("--result needs GENE=VALUE, e.g. CYP2C19='*2/*2', not '" + r + "'");
                        }
                        o.results.put(r.substring(0, eq).trim(), r.substring(eq + 1).trim());
                    }
                    case "--drug" -> o.drugs.add(value(args, ++i, a));
                    case "--medication" -> o.medications.add(value(args, ++i, a));
                    case "--source" -> o.sources.add(value(args, ++i, a));
                    case "--population" -> o.population = value(args, ++i, a);
                    case "--age" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.age = Integer.valueOf(v);
                        } catch (NumberFormatException e) {
                            throw new UsageException("--age needs whole years, not '" + v + "'");
                        }
                    }
                    case "--format" -> {
                        o.format = value(args, ++i, a);
                        if (!o.format.equals("table") && !o.format.equals("json")) {
                            throw new UsageException("--format is table or json, not '" + o.format + "'");
                        }
                    }
                    case "--lang" -> {
                        o.lang = value(args, ++i, a);
                        if (!o.lang.equals("nb") && !o.lang.equals("en")) {
                            throw new UsageException("--lang is nb or en, not '" + o.lang + "'");
                        }
                    }
                    default -> throw new UsageException("unknown option '" + a + "'");
                }
            }
            if (o.input != null && (!o.results.isEmpty() || !o.drugs.isEmpty() || o.fhir != null)) {
                throw new UsageException("use either --input or --result/--fhir/--drug, not both");
            }
            return o;
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size() || args.get(i).isBlank()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(i);
        }
    }
}
