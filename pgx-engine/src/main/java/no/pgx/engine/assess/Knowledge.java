package no.pgx.engine.assess;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import no.pgx.engine.Action;
import no.pgx.engine.GuidelineRef;
import no.pgx.engine.PgxException;
import no.pgx.rules.model.GuidelineFact;
import no.pgx.rules.model.PopulationFact;
import no.pgx.rules.model.TestRequirement;
import no.pgx.knowledge.CsvTable;
import no.pgx.knowledge.KnowledgeRelease;

/**
 * The knowledge tables of the rule base, loaded from the class path (the {@code pgx-knowledge} jar): the payload of every
 * recommendation row (looked up by the row id the rules report), guidelines, populations, consequence and dose-note
 * phrases, test requirements, dosing algorithms and the lookup-key vocabulary. Checks that the tables are the ones the
 * rules were generated from (manifest checksums). Immutable after loading; thread-safe.
 */
final class Knowledge {
    /** Where the knowledge tables are (pgx-knowledge). */
    static final String BASE = "no/pgx/knowledge/";
    /** What the generated rules were built from (pgx-rules): table checksums and the knowledge version. */
    static final String MANIFEST = "no/pgx/rules/recommendation/manifest.properties";
    static final List<String> SOURCES = List.of("CPIC", "DPWG");

    /** One recommendation row. {@code key} maps gene to the table value (sorted by gene). */
    record Row(String id, String source, String guideline, String drug, Map<String, String> key, String population,
               String strength, Action action, String dosePercent, List<String> doseNotes, List<String> alternatives,
               String consequence) {
    }

    record Guideline(String id, String source, String title, List<String> drugs, List<String> genes, String version,
                     String url) {
        /** @return the guideline as findings cite it */
        GuidelineRef ref() {
            return new GuidelineRef(id, source, title, version, url);
        }
    }

    /** A population; ages in whole years, both bounds inclusive (the table's upper bound is exclusive). */
    record Population(String key, String en, String nb, Integer ageMin, Integer ageMax, String therapy) {
    }

    /** An English/Bokmål phrase of consequences.csv (consequences and dose notes). */
    record Phrase(String en, String nb) {
    }

    record TestRule(String id, String drug, String gene, String allele, String source, String reasonEn,
                    String reasonNb) {
    }

    record Algorithm(String id, String source, String drug, List<String> genes, String title, String version,
                     String url, Action action, String consequence) {
        /** @return the guideline of the algorithm as findings cite it */
        GuidelineRef ref() {
            return new GuidelineRef(id, source, title, version, url);
        }
    }

    /** One lookup key of a gene in the vocabulary. */
    record KeyInfo(String gene, String key, String phenotype, String state, String kind) {
    }

    record Equivalent(String source, String gene, String key, String matches, String reasonEn, String reasonNb) {
    }

    /**
     * What the rules need to know per drug, with the knowledge facts inserted when the drug is evaluated.
     *
     * @param genes every gene the drug's rows, test requirements or dosing algorithm name, sorted
     * @param facts guideline, test-requirement and population facts for this drug
     */
    record DrugInfo(String drug, List<String> genes, Set<String> populations, boolean ageBounded, boolean newStartMatters,
                    Set<String> diplotypeGenes, Set<String> functionGenes, List<Guideline> guidelines,
                    List<Object> facts) {
    }

    final Map<String, Row> rows = new LinkedHashMap<>();
    final Map<String, Guideline> guidelines = new LinkedHashMap<>();
    final Map<String, Population> populations = new LinkedHashMap<>();
    final Map<String, Phrase> phrases = new LinkedHashMap<>();
    final Map<String, TestRule> tests = new LinkedHashMap<>();
    final Map<String, Algorithm> algorithms = new LinkedHashMap<>();
    final Map<String, Map<String, KeyInfo>> vocabulary = new TreeMap<>();
    final Map<String, Equivalent> equivalents = new LinkedHashMap<>();
    final Map<String, DrugInfo> drugs = new TreeMap<>();
    final String version;

    private Knowledge(ClassLoader loader) {
        Properties manifest = manifest(loader);
        loadVocabulary(loader, manifest);
        loadGuidelines(loader, manifest);
        for (String source : SOURCES) {
            loadRows(loader, manifest, source);
        }
        loadTests(loader, manifest);
        loadAlgorithms(loader, manifest);
        indexDrugs();
        version = version(loader, manifest);
    }

    /**
     * Loads the bundled knowledge.
     *
     * @throws PgxException when a table is missing, malformed or differs from the one the rules were built from
     */
    static Knowledge load(ClassLoader loader) {
        try {
            return new Knowledge(loader);
        } catch (CsvTable.MalformedCsvException | IllegalArgumentException e) {
            throw new PgxException("The bundled knowledge tables cannot be read: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ lookups

    /** @return the vocabulary entry of a gene's lookup key, or null */
    KeyInfo key(String gene, String key) {
        Map<String, KeyInfo> keys = vocabulary.get(gene);
        return keys == null ? null : keys.get(key);
    }

    /** @return the kind of a gene's keys ({@code activity-score}, {@code allele-status}, {@code phenotype}), or null */
    String kind(String gene) {
        Map<String, KeyInfo> keys = vocabulary.get(gene);
        return keys == null || keys.isEmpty() ? null : keys.values().iterator().next().kind();
    }

    /** @return the lookup keys of a gene that stand for a phenotype (for phenotype-only activity-score results) */
    List<KeyInfo> keysOfPhenotype(String gene, String phenotype) {
        List<KeyInfo> out = new ArrayList<>();
        Map<String, KeyInfo> keys = vocabulary.get(gene);
        if (keys != null && phenotype != null) {
            keys.values().stream().filter(k -> phenotype.equals(k.phenotype())).forEach(out::add);
        }
        return out;
    }

    /** @return every drug with recommendation rows or a dosing algorithm, sorted */
    Set<String> drugIds() {
        return Collections.unmodifiableSet(drugs.keySet());
    }

    // ------------------------------------------------------------------ loading

    private static CsvTable table(ClassLoader loader, Properties manifest, String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        String expected = manifest.getProperty("sha256." + name);
        if (expected != null) {
            String actual = sha256(loader, BASE + resource);
            if (!expected.equals(actual)) {
                throw new PgxException("The knowledge table " + resource + " differs from the one the rules were built"
                        + " from (sha256 " + actual + ", rules built from " + expected + "): rebuild pgx-rules", null);
            }
        }
        CsvTable t = CsvTable.readResource(BASE + resource, loader);
        if (t.metadata("source") == null || t.metadata("licence") == null) {
            throw new PgxException("The knowledge table " + resource + " does not state its source and licence", null);
        }
        return t;
    }

    private static Properties manifest(ClassLoader loader) {
        Properties p = new Properties();
        try (InputStream in = loader.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new PgxException("The rule base manifest " + MANIFEST + " is not on"
                        + " the class path: is pgx-rules missing?", null);
            }
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PgxException("Cannot read the rule base manifest", e);
        }
        return p;
    }

    private static String sha256(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PgxException("Knowledge table " + resource + " is not on the class path", null);
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new PgxException("Cannot read " + resource, e);
        }
    }

    private void loadVocabulary(ClassLoader loader, Properties manifest) {
        for (CsvTable.Row r : table(loader, manifest, "vocabulary/lookup-keys.csv").rows()) {
            KeyInfo k = new KeyInfo(r.require("gene"), r.require("lookup_key"), r.require("phenotype"),
                    r.require("state"), r.require("kind"));
            vocabulary.computeIfAbsent(k.gene(), g -> new LinkedHashMap<>()).put(k.key(), k);
        }
        for (CsvTable.Row r : table(loader, manifest, "vocabulary/source-equivalents.csv").rows()) {
            Equivalent e = new Equivalent(r.require("source"), r.require("gene"), r.require("lookup_key"),
                    r.require("matches"), r.require("reason"), r.require("reason_nb"));
            equivalents.put(e.source() + "|" + e.gene() + "=" + e.key(), e);
        }
        Map<String, String> therapy = new TreeMap<>();
        for (CsvTable.Row r : table(loader, manifest, "vocabulary/population-therapy.csv").rows()) {
            therapy.put(r.require("population"), r.require("therapy"));
        }
        for (CsvTable.Row r : table(loader, manifest, "guidelines/populations.csv").rows()) {
            String key = r.require("key");
            Integer max = integer(r.getOrNull("age_max_years"));
            populations.put(key, new Population(key, r.require("en"), r.require("nb"),
                    integer(r.getOrNull("age_min_years")), max == null ? null : max - 1, therapy.get(key)));
        }
        for (CsvTable.Row r : table(loader, manifest, "guidelines/consequences.csv").rows()) {
            phrases.put(r.require("key"), new Phrase(r.require("en"), r.require("nb")));
        }
    }

    private void loadGuidelines(ClassLoader loader, Properties manifest) {
        for (CsvTable.Row r : table(loader, manifest, "guidelines/guidelines.csv").rows()) {
            guidelines.put(r.require("id"), new Guideline(r.require("id"), r.require("source"), r.require("title"),
                    list(r.get("drugs")), list(r.get("genes")), r.require("version"), r.require("url")));
        }
    }

    private void loadRows(ClassLoader loader, Properties manifest, String source) {
        CsvTable t = table(loader, manifest, "guidelines/recommendations-" + source.toLowerCase() + ".csv");
        for (CsvTable.Row r : t.rows()) {
            Map<String, String> key = new TreeMap<>();
            for (String part : r.require("key").split(";")) {
                int eq = part.indexOf('=');
                key.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
            Row row = new Row(r.require("id"), source, r.require("guideline"), r.require("drug"),
                    Collections.unmodifiableMap(key), r.require("population"), r.get("strength").trim(),
                    Action.valueOf(r.require("action")), r.getOrNull("dose_percent"), list(r.get("dose_note")),
                    list(r.get("alternatives")), r.getOrNull("consequence"));
            rows.put(row.id(), row);
        }
    }

    private void loadTests(ClassLoader loader, Properties manifest) {
        for (CsvTable.Row r : table(loader, manifest, "clinical/test-required.csv").rows()) {
            String drug = r.require("drug");
            String gene = r.require("gene");
            String required = r.get("key_required").trim();
            String allele = null;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*=(\\*\\d+:\\d+) status").matcher(required);
            if (m.matches()) {
                allele = m.group(1);
            }
            String sourceText = r.require("source");
            // The short source is the issuing body named first in the source column (EMA, FDA, DPWG, CPIC).
            String source = sourceText.split("[ (:]", 2)[0];
            String id = "test-required:" + drug + ":" + gene;
            tests.put(id, new TestRule(id, drug, gene, allele, source, r.require("reason_en"), r.require("reason_nb")));
        }
    }

    private void loadAlgorithms(ClassLoader loader, Properties manifest) {
        for (CsvTable.Row r : table(loader, manifest, "vocabulary/dosing-algorithms.csv").rows()) {
            Algorithm a = new Algorithm(r.require("id"), r.require("source"), r.require("drug"), list(r.get("genes")),
                    r.require("title"), r.require("version"), r.require("url"), Action.valueOf(r.require("action")),
                    r.getOrNull("consequence"));
            algorithms.put(a.id(), a);
        }
    }

    private void indexDrugs() {
        Map<String, Set<String>> genes = new TreeMap<>();
        Map<String, Set<String>> pops = new TreeMap<>();
        Map<String, Set<String>> diplotypeGenes = new TreeMap<>();
        Map<String, Set<String>> functionGenes = new TreeMap<>();
        Map<String, Set<String>> guidelineIds = new TreeMap<>();
        Map<String, Set<String>> guidelineGenes = new TreeMap<>();
        for (Row r : rows.values()) {
            genes.computeIfAbsent(r.drug(), d -> new TreeSet<>()).addAll(r.key().keySet());
            pops.computeIfAbsent(r.drug(), d -> new TreeSet<>()).add(r.population());
            guidelineIds.computeIfAbsent(r.drug(), d -> new TreeSet<>()).add(r.guideline());
            guidelineGenes.computeIfAbsent(r.drug() + "|" + r.guideline(), d -> new TreeSet<>()).addAll(r.key().keySet());
            r.key().forEach((gene, value) -> {
                if (value.startsWith("diplotype:")) {
                    diplotypeGenes.computeIfAbsent(r.drug(), d -> new TreeSet<>()).add(gene);
                } else if (value.startsWith("function:")) {
                    functionGenes.computeIfAbsent(r.drug(), d -> new TreeSet<>()).add(gene);
                }
            });
        }
        Map<String, List<TestRule>> testsByDrug = new TreeMap<>();
        tests.values().forEach(t -> {
            testsByDrug.computeIfAbsent(t.drug(), d -> new ArrayList<>()).add(t);
            genes.computeIfAbsent(t.drug(), d -> new TreeSet<>()).add(t.gene());
        });
        Map<String, List<Algorithm>> algorithmsByDrug = new TreeMap<>();
        algorithms.values().forEach(a -> {
            algorithmsByDrug.computeIfAbsent(a.drug(), d -> new ArrayList<>()).add(a);
            genes.computeIfAbsent(a.drug(), d -> new TreeSet<>()).addAll(a.genes());
        });
        for (String drug : genes.keySet()) {
            Set<String> p = pops.getOrDefault(drug, Set.of());
            boolean age = p.stream().map(populations::get).anyMatch(x -> x != null
                    && (x.ageMin() != null || x.ageMax() != null));
            boolean therapy = p.stream().map(populations::get).anyMatch(x -> x != null && x.therapy() != null);
            List<Guideline> gl = guidelineIds.getOrDefault(drug, Set.of()).stream().map(guidelines::get).toList();
            List<TestRule> t = testsByDrug.getOrDefault(drug, List.of());
            List<Object> facts = new ArrayList<>();
            for (Guideline g : gl) {
                facts.add(new GuidelineFact(g.id(), g.source(), drug, guidelineGenes.get(drug + "|" + g.id()), true));
            }
            for (Algorithm a : algorithmsByDrug.getOrDefault(drug, List.of())) {
                facts.add(new GuidelineFact(a.id(), a.source(), drug, Set.copyOf(a.genes()), false));
            }
            for (TestRule r : t) {
                facts.add(new TestRequirement(r.id(), drug, r.gene(), r.allele(), r.source()));
            }
            for (String key : p) {
                Population x = populations.get(key);
                facts.add(new PopulationFact(key, x.ageMin(), x.ageMax(), x.therapy()));
            }
            drugs.put(drug, new DrugInfo(drug, List.copyOf(genes.get(drug)), Set.copyOf(p), age,
                    therapy || !t.isEmpty(), Set.copyOf(diplotypeGenes.getOrDefault(drug, Set.of())),
                    Set.copyOf(functionGenes.getOrDefault(drug, Set.of())), gl, List.copyOf(facts)));
        }
    }

    /** The knowledge release and its source versions (pgx-knowledge release.csv), then a hash of the tables. */
    private static String version(ClassLoader loader, Properties manifest) {
        StringBuilder b = new StringBuilder(KnowledgeRelease.read(loader).summary()).append("; ");
        StringBuilder all = new StringBuilder();
        new TreeMap<>(manifest).forEach((k, v) -> {
            if (k.toString().startsWith("sha256.")) {
                all.append(v);
            }
        });
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            b.append("tables ").append(HexFormat.of().formatHex(d).substring(0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split("[;|]")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return List.copyOf(out);
    }
}
