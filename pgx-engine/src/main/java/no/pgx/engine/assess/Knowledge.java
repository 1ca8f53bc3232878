package no.pgx.engine.assess;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
public final class Knowledge {
    /** Where the knowledge tables are (pgx-knowledge). */
    static final String BASE = "no/pgx/knowledge/";
    /** What the generated rules were built from (pgx-rules): table checksums and the knowledge version. */
    static final String MANIFEST = "no/pgx/rules/recommendation/manifest.properties";
    static final List<String> SOURCES = List.of("CPIC", "DPWG");

    /** One recommendation row. {@code key} maps gene to the table value (sorted by gene). */
    public record Row(String id, String source, String guideline, String drug, Map<String, String> key, String population,
               String strength, Action action, String dosePercent, List<String> doseNotes, List<String> alternatives,
               String consequence) {
    }

    /** A guideline (CPIC or DPWG) with its drugs, genes, version and address. */
    public record Guideline(String id, String source, String title, List<String> drugs, List<String> genes, String version,
                     String url) {
        /** @return the guideline as findings cite it */
        public GuidelineRef ref() {
            return new GuidelineRef(id, no.pgx.engine.GuidelineSource.of(source), title, version, url);
        }
    }

    /** A population; ages in whole years, both bounds inclusive (the table's upper bound is exclusive). */
    public record Population(String key, String en, String nb, Integer ageMin, Integer ageMax, String therapy,
                      String shortEn, String shortNb) {
    }

    /** An English/Bokmål phrase of consequences.csv (consequences and dose notes). */
    public record Phrase(String en, String nb) {
    }

    /**
     * A test before start.
     *
     * @param source      the authority asking for it ({@code EMA}, {@code SmPC}, {@code DPWG} …)
     * @param requirement {@code required}, {@code recommended} or {@code information}
     * @param audience    ancestry groups it is meant for; empty for every patient
     */
    public record TestRule(String id, String drug, String gene, String allele, String source, String reasonEn,
                    String reasonNb, String requirement, Set<String> audience, String jurisdiction, String document,
                    String section, String url) {
    }

    /**
     * A recommendation row whose advice is to measure the phenotype before the first dose
     * ({@code curation/test-actions.csv}).
     *
     * @param variantId   the id of the row's variant with the test action
     * @param requirement {@code recommended} or {@code information}
     */
    public record TestAction(String id, String recommendationId, String variantId, String gene, String requirement,
                      String testEn, String testNb, String reasonEn, String reasonNb) {
    }

    /** A guideline whose advice on {@code drug} concerns the substance alone, with the reason in both languages. */
    record AdviceScope(String id, String drug, String guideline, String scope, String reasonEn, String reasonNb) {
    }

    /** A dosing-algorithm guideline (warfarin) with its drug, genes, version and address. */
    public record Algorithm(String id, String source, String drug, List<String> genes, String title, String version,
                     String url, Action action, String consequence) {
        /** @return the guideline of the algorithm as findings cite it */
        public GuidelineRef ref() {
            return new GuidelineRef(id, no.pgx.engine.GuidelineSource.of(source), title, version, url);
        }
    }

    /** One lookup key of a gene in the vocabulary. */
    public record KeyInfo(String gene, String key, String phenotype, String state, String kind) {
    }

    /** A lookup key of one source that matches the key of the other source for the same gene, with why. */
    public record Equivalent(String source, String gene, String key, String matches, String reasonEn, String reasonNb) {
    }

    /**
     * What the rules need to know per drug, with the knowledge facts inserted when the drug is evaluated.
     *
     * @param genes every gene the drug's rows, test requirements or dosing algorithm name, sorted
     * @param facts guideline, test-requirement and population facts for this drug
     */
    public record DrugInfo(String drug, List<String> genes, Set<String> populations, boolean ageBounded, boolean newStartMatters,
                    Set<String> diplotypeGenes, Set<String> functionGenes, List<Guideline> guidelines,
                    List<Object> facts, Context context) {
    }

    /**
     * What an order of a drug brings into the rule session beyond the drug's own facts, and which parts of the request
     * its outcome depends on (so that the cache key holds only those).
     *
     * @param orderFacts     row alternatives, contraindications and scopes of its alternatives, substrates, interaction
     *                       advice and dose statements
     * @param probes         alternatives with rows of their own, evaluated to check them against the patient's results
     * @param keyGenes       the genes of the drug, of its probes and of the substrates of its alternatives, sorted
     * @param age            age matters (age-bounded populations, age limits of alternatives, age-banded doses)
     * @param weight         weight matters (weight limits of alternatives)
     * @param conditions     the conditions that matter (contraindications of alternatives); empty when none
     * @param indication     the order's indication and population matter
     * @param ancestry       the ancestry groups that matter (tests for an audience); empty when none
     * @param medications    co-medications that matter (contraindications of alternatives); empty when none
     * @param therapy        the start date matters (populations by therapy status)
     * @param fullGenes      genes whose diplotype or allele-function pair a row of the drug or a probe is keyed on
     * @param predicted      interaction rows of the drug depend on the genotype-predicted phenotype
     */
    record Context(List<Object> orderFacts, List<String> probes, List<String> keyGenes, boolean age, boolean weight,
                   Set<String> conditions, boolean indication, Set<String> ancestry, Set<String> medications,
                   boolean therapy, Set<String> fullGenes, boolean predicted) {
        static final Context NONE = new Context(List.of(), List.of(), List.of(), false, false, Set.of(), false,
                Set.of(), Set.of(), false, Set.of(), false);
    }

    /** Recommendation rows by id. */
    public final Map<String, Row> rows = new LinkedHashMap<>();
    /**
     * Variants of recommendation rows with the action they have for an indication of the order
     * ({@code curation/indication-actions.csv}), by variant id ({@code PA166299124@ia-quetiapine-depression}); a
     * variant keeps the row's id, so findings cite the real row.
     */
    public final Map<String, Row> variants = new LinkedHashMap<>();
    /** Statements of dosing-algorithm guidelines by drug (rule facts; their rows are in {@link #variants}). */
    final Map<String, List<no.pgx.rules.model.AlgorithmStatement>> statements = new HashMap<>();
    /** The indication-dependent actions by recommendation row id (rule facts). */
    final Map<String, List<no.pgx.rules.model.IndicationAction>> indicationActions = new HashMap<>();
    /**
     * Variant ids of indication-dependent actions that lead the card for their indication
     * ({@code curation/indication-actions.csv} column {@code leads}).
     */
    public final Set<String> indicationLeads = new java.util.HashSet<>();
    /**
     * Guidelines whose advice is about the substance alone ({@code clinical/advice-scope.csv}, scope
     * {@code monotherapy}), by drug.
     */
    final Map<String, List<AdviceScope>> monotherapyScopes = new HashMap<>();
    /** Rows whose advice is a test of the phenotype, by recommendation row id and by variant id. */
    final Map<String, TestAction> testActions = new HashMap<>();
    /** Guidelines by id. */
    public final Map<String, Guideline> guidelines = new LinkedHashMap<>();
    /** Populations by id. */
    public final Map<String, Population> populations = new LinkedHashMap<>();
    /** Bokmål phrases of guideline texts by key. */
    public final Map<String, Phrase> phrases = new LinkedHashMap<>();
    /** Test-before-start rules by id. */
    public final Map<String, TestRule> tests = new LinkedHashMap<>();
    /** Dosing-algorithm guidelines by id. */
    public final Map<String, Algorithm> algorithms = new LinkedHashMap<>();
    final Map<String, Map<String, KeyInfo>> vocabulary = new TreeMap<>();
    /** Equivalent lookup keys across sources by id. */
    public final Map<String, Equivalent> equivalents = new LinkedHashMap<>();
    /** What the rules need per drug, by drug id. */
    public final Map<String, DrugInfo> drugs = new TreeMap<>();
    /** The clinical tables (contraindications, interactions, dose facts, scopes). */
    public final ClinicalKnowledge clinical;
    final String version;

    private Knowledge(ClassLoader loader, no.pgx.terminology.drug.DrugCatalog catalog) {
        Properties manifest = manifest(loader);
        loadVocabulary(loader, manifest);
        loadGuidelines(loader, manifest);
        for (String source : SOURCES) {
            loadRows(loader, manifest, source);
        }
        Set<String> genes = new java.util.HashSet<>(vocabulary.keySet());
        guidelines.values().forEach(g -> genes.addAll(g.genes()));
        clinical = ClinicalKnowledge.load(loader, new ClinicalKnowledge.Catalog(catalog), genes::contains,
                populations.keySet());
        loadTests(loader, manifest);
        loadAlgorithms(loader, manifest);
        loadIndicationActions(loader);
        loadTestActions(loader);
        loadAdviceScopes(loader);
        loadAlgorithmStatements(loader);
        indexDrugs();
        version = version(loader, manifest);
    }

    /**
     * Loads the bundled knowledge, checking drug names against the bundled drug catalog.
     *
     * @throws PgxException when a table is missing, malformed or differs from the one the rules were built from
     */
    static Knowledge load(ClassLoader loader) {
        return load(loader, no.pgx.terminology.drug.DrugCatalog.loadDefault());
    }

    /**
     * Loads the bundled knowledge.
     *
     * @param catalog the drug catalog (drug ids, ATC codes of co-medication groups)
     * @throws PgxException when a table is missing, malformed or differs from the one the rules were built from
     */
    static Knowledge load(ClassLoader loader, no.pgx.terminology.drug.DrugCatalog catalog) {
        try {
            return new Knowledge(loader, catalog);
        } catch (CsvTable.MalformedCsvException | IllegalArgumentException e) {
            throw new PgxException("The bundled knowledge tables cannot be read: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ lookups

    /**
     * @param id a guideline id
     * @return the guideline, or the dosing-algorithm guideline, with this id; null when there is none
     */
    public Guideline guideline(String id) {
        Guideline g = guidelines.get(id);
        Algorithm a = g == null ? algorithms.get(id) : null;
        return a == null ? g : new Guideline(a.id(), a.source(), a.title(), List.of(a.drug()), a.genes(), a.version(),
                a.url());
    }

    /**
     * @param id a candidate id
     * @return the recommendation row, or the variant of one, with this candidate id; null when there is none
     */
    public Row row(String id) {
        Row r = rows.get(id);
        return r != null ? r : variants.get(id);
    }

    /**
     * @param gene the gene
     * @param key the lookup key
     * @return the vocabulary entry of a gene's lookup key, or null
     */
    public KeyInfo key(String gene, String key) {
        Map<String, KeyInfo> keys = vocabulary.get(gene);
        return keys == null ? null : keys.get(key);
    }

    /**
     * @param gene the gene
     * @return the kind of a gene's keys ({@code activity-score}, {@code allele-status}, {@code phenotype}), or null
     */
    public String kind(String gene) {
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
            String en = r.require("en");
            String nb = r.require("nb");
            String shortEn = r.hasColumn("short_en") && r.getOrNull("short_en") != null ? r.getOrNull("short_en") : en;
            String shortNb = r.hasColumn("short_nb") && r.getOrNull("short_nb") != null ? r.getOrNull("short_nb") : nb;
            populations.put(key, new Population(key, en, nb, integer(r.getOrNull("age_min_years")),
                    max == null ? null : max - 1, therapy.get(key), shortEn, shortNb));
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

    /**
     * Reads {@code curation/indication-actions.csv}: per recommendation row, the action it has for named indications
     * of the order (or for an order without one). Each becomes a rule fact and a variant of the row with that action.
     */
    private void loadIndicationActions(ClassLoader loader) {
        CsvTable t = ClinicalKnowledge.optionalTable(loader, "curation/indication-actions.csv");
        if (t == null) {
            return;
        }
        for (CsvTable.Row r : t.rows()) {
            String id = r.require("id");
            Row row = rows.get(r.require("recommendation_id"));
            if (row == null || !row.drug().equals(r.require("drug")) || !row.source().equals(r.require("source"))) {
                throw r.error("no " + r.get("source") + " recommendation " + r.get("recommendation_id") + " for "
                        + r.get("drug"));
            }
            Action action;
            try {
                action = Action.valueOf(r.require("action"));
            } catch (IllegalArgumentException e) {
                throw r.error("unknown action '" + r.get("action") + "'");
            }
            Set<String> indications = new TreeSet<>(list(r.require("indication")));
            for (String i : indications) {
                if (!i.equals(no.pgx.rules.model.IndicationAction.UNKNOWN) && !clinical.conditions.isEmpty()
                        && !clinical.conditions.containsKey(i)) {
                    throw r.error("indication '" + i + "' is not a condition id of clinical/conditions.csv");
                }
            }
            var fact = new no.pgx.rules.model.IndicationAction(id, row.id(), indications, action.name());
            if (variants.containsKey(fact.variantId())) {
                throw r.error("id " + id + " is used twice");
            }
            boolean dose = action == Action.REDUCE_DOSE || action == Action.INCREASE_DOSE;
            variants.put(fact.variantId(), new Row(row.id(), row.source(), row.guideline(), row.drug(), row.key(),
                    row.population(), row.strength(), action, dose ? row.dosePercent() : null, row.doseNotes(),
                    row.alternatives(), row.consequence()));
            indicationActions.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(fact);
            String leads = r.hasColumn("leads") ? r.getOrNull("leads") : null;
            if (leads != null && !leads.equals("yes")) {
                throw r.error("leads '" + leads + "' is not yes or empty");
            }
            if (leads != null) {
                indicationLeads.add(fact.variantId());
            }
        }
    }

    /**
     * Reads {@code curation/test-actions.csv}: recommendation rows whose advice is to measure the phenotype before the
     * first dose (CPIC G6PD Variable and Indeterminate). Each becomes a rule fact and a variant of the row with the action
     * {@code TEST_REQUIRED}.
     */
    private void loadTestActions(ClassLoader loader) {
        CsvTable t = ClinicalKnowledge.optionalTable(loader, "curation/test-actions.csv");
        if (t == null) {
            return;
        }
        for (CsvTable.Row r : t.rows()) {
            String id = r.require("id");
            Row row = rows.get(r.require("recommendation_id"));
            if (row == null || !row.drug().equals(r.require("drug")) || !row.source().equals(r.require("source"))
                    || !row.key().containsKey(r.require("gene"))) {
                throw r.error("no " + r.get("source") + " recommendation " + r.get("recommendation_id") + " for "
                        + r.get("drug") + " and " + r.get("gene"));
            }
            String requirement = r.require("requirement");
            if (!requirement.equals("recommended") && !requirement.equals("information")) {
                throw r.error("requirement '" + requirement + "' is not recommended or information");
            }
            var fact = new no.pgx.rules.model.TestAction(id, row.id());
            if (variants.containsKey(fact.variantId()) || testActions.containsKey(row.id())) {
                throw r.error("id " + id + " or recommendation " + row.id() + " is used twice");
            }
            variants.put(fact.variantId(), new Row(row.id(), row.source(), row.guideline(), row.drug(), row.key(),
                    row.population(), row.strength(), Action.TEST_REQUIRED, null, List.of(), List.of(),
                    row.consequence()));
            TestAction a = new TestAction(id, row.id(), fact.variantId(), r.require("gene"), requirement,
                    r.require("test_en"), r.require("test_nb"), r.require("reason_en"), r.require("reason_nb"));
            testActions.put(row.id(), a);
            testActions.put(fact.variantId(), a);
        }
    }

    /**
     * Reads {@code clinical/advice-scope.csv}: guidelines whose advice concerns the substance alone (CPIC ivacaftor),
     * so that an order of a combination product that contains it does not get that advice.
     */
    private void loadAdviceScopes(ClassLoader loader) {
        CsvTable t = ClinicalKnowledge.optionalTable(loader, "clinical/advice-scope.csv");
        if (t == null) {
            return;
        }
        for (CsvTable.Row r : t.rows()) {
            String guideline = r.require("guideline");
            Guideline g = guidelines.get(guideline);
            String drug = r.require("drug");
            if (g == null || !g.drugs().contains(drug) || !g.source().equals(r.require("guideline_source"))) {
                throw r.error("no " + r.get("guideline_source") + " guideline " + guideline + " for " + drug);
            }
            String scope = r.require("scope");
            if (!scope.equals("monotherapy")) {
                throw r.error("scope '" + scope + "' is not monotherapy");
            }
            r.require("source");
            monotherapyScopes.computeIfAbsent(drug, k -> new ArrayList<>()).add(new AdviceScope(r.require("id"), drug,
                    guideline, scope, r.require("reason_en"), r.require("reason_nb")));
        }
    }

    /**
     * @return the scopes that keep every guideline of the drug off a combination product (each guideline of the drug
     *         has scope monotherapy), or an empty list when some guideline also speaks about combinations
     */
    List<AdviceScope> monotherapyOnly(String drug) {
        List<AdviceScope> scopes = monotherapyScopes.getOrDefault(drug, List.of());
        DrugInfo info = drugs.get(drug);
        if (scopes.isEmpty() || info == null) {
            return List.of();
        }
        Set<String> covered = new java.util.HashSet<>();
        scopes.forEach(x -> covered.add(x.guideline()));
        return info.guidelines().stream().allMatch(g -> covered.contains(g.id())) ? scopes : List.of();
    }

    /**
     * @param id a recommendation or candidate id
     * @return the test action of a recommendation row or of its variant, or null
     */
    public TestAction testAction(String id) {
        return id == null ? null : testActions.get(id);
    }

    /**
     * Reads {@code curation/algorithm-statements.csv}: what a dosing-algorithm guideline says for some results of one
     * gene (CPIC warfarin: another anticoagulant for CYP2C9 poor metabolizers, 5-10 % more for CYP4F2*3 carriers). Each
     * becomes a rule fact, a row of its own (in {@link #variants}, for the finding's texts) and, with a number, a dose
     * statement.
     */
    private void loadAlgorithmStatements(ClassLoader loader) {
        CsvTable t = ClinicalKnowledge.optionalTable(loader, "curation/algorithm-statements.csv");
        if (t == null) {
            return;
        }
        for (CsvTable.Row r : t.rows()) {
            String id = r.require("id");
            Algorithm a = algorithms.get(r.require("guideline"));
            if (a == null || !a.drug().equals(r.require("drug")) || !a.genes().contains(r.require("gene"))) {
                throw r.error("guideline " + r.get("guideline") + " is not a dosing algorithm for " + r.get("drug")
                        + " and " + r.get("gene") + " (vocabulary/dosing-algorithms.csv)");
            }
            Action action;
            try {
                action = Action.valueOf(r.require("action"));
            } catch (IllegalArgumentException e) {
                throw r.error("unknown action '" + r.get("action") + "'");
            }
            if (rows.containsKey(id) || variants.containsKey(id)) {
                throw r.error("id " + id + " is used twice");
            }
            Set<String> except = new TreeSet<>(list(r.get("except_conditions")));
            for (String c : except) {
                if (!clinical.conditions.isEmpty() && !clinical.conditions.containsKey(c)) {
                    throw r.error("condition '" + c + "' is not a condition id of clinical/conditions.csv");
                }
            }
            String percent = r.getOrNull("percent");
            variants.put(id, new Row(id, r.require("source"), a.id(), a.drug(), Map.of(r.require("gene"),
                    r.require("phenotypes")), "general", "", action, percent, List.of(), List.of(),
                    r.getOrNull("consequence")));
            statements.computeIfAbsent(a.drug(), k -> new ArrayList<>()).add(new no.pgx.rules.model.AlgorithmStatement(
                    id, r.require("source"), a.drug(), r.require("gene"), new TreeSet<>(list(r.require("phenotypes"))),
                    action.name(), except));
            if (r.getOrNull("dose_kind") != null) {
                clinical.addDose(new ClinicalKnowledge.DoseRow(id + "#1", id, r.require("source"), a.drug(),
                        r.require("dose_kind"), r.require("change"), percent, null, null, null, null, false, null, null,
                        r.getOrNull("basis"), null, Set.of(), Set.of(), Set.of(), null));
            }
        }
    }

    private void loadTests(ClassLoader loader, Properties manifest) {
        if (clinical.tests != null) {
            // clinical/test-before-start.csv: requirement level, authority and audience per row
            clinical.tests.forEach(t -> tests.put(t.id(), t));
            return;
        }
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
            tests.put(id, new TestRule(id, drug, gene, allele, source, r.require("reason_en"), r.require("reason_nb"),
                    "required", Set.of(), null, null, null, null));
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
                facts.add(new TestRequirement(r.id(), drug, r.gene(), r.allele(), r.source(), r.requirement(),
                        r.audience()));
            }
            for (String key : p) {
                Population x = populations.get(key);
                facts.add(new PopulationFact(key, x.ageMin(), x.ageMax(), x.therapy()));
            }
            drugs.put(drug, new DrugInfo(drug, List.copyOf(genes.get(drug)), Set.copyOf(p), age,
                    therapy || !t.isEmpty(), Set.copyOf(diplotypeGenes.getOrDefault(drug, Set.of())),
                    Set.copyOf(functionGenes.getOrDefault(drug, Set.of())), gl, List.copyOf(facts), Context.NONE));
        }
        Map<String, List<Row>> rowsByDrug = new TreeMap<>();
        rows.values().forEach(r -> rowsByDrug.computeIfAbsent(r.drug(), d -> new ArrayList<>()).add(r));
        for (String drug : new ArrayList<>(drugs.keySet())) {
            DrugInfo info = drugs.get(drug);
            boolean therapy = info.populations().stream().map(populations::get)
                    .anyMatch(x -> x != null && x.therapy() != null);
            drugs.put(drug, new DrugInfo(info.drug(), info.genes(), info.populations(), info.ageBounded(),
                    info.newStartMatters(), info.diplotypeGenes(), info.functionGenes(), info.guidelines(),
                    info.facts(), context(info, rowsByDrug.getOrDefault(drug, List.of()), therapy)));
        }
    }

    /** Precomputes what an order of the drug adds to the rule session and which parts of the request matter. */
    private Context context(DrugInfo info, List<Row> drugRows, boolean therapy) {
        String drug = info.drug();
        List<Object> facts = new ArrayList<>();
        Set<String> alternatives = new java.util.LinkedHashSet<>();
        boolean indication = false;
        for (Row r : drugRows) {
            for (String a : r.alternatives()) {
                facts.add(new no.pgx.rules.model.RowAlternative(r.id(), a));
                alternatives.add(a);
            }
            if (r.doseNotes().contains("indication-dependent") || r.doseNotes().contains("if-malignancy")) {
                indication = true;
            }
            if (r.doseNotes().contains("interaction-dependent")) {
                facts.add(new no.pgx.rules.model.RowNote(r.id(), "interaction-dependent"));
            }
            List<no.pgx.rules.model.IndicationAction> byIndication = indicationActions.getOrDefault(r.id(), List.of());
            facts.addAll(byIndication);
            indication |= !byIndication.isEmpty();
            TestAction test = testActions.get(r.id());
            if (test != null) {
                facts.add(new no.pgx.rules.model.TestAction(test.id(), r.id()));
            }
        }
        boolean age = info.ageBounded();
        for (Row r : drugRows) {
            List<ClinicalKnowledge.DoseRow> rowDoses = clinical.doses.getOrDefault(r.id(), List.of());
            // Only named indications restrict a recommendation. A "not:" list says that the dose does not hold there,
            // not that the source is silent (DPWG quetiapine: for depression another drug, not no advice).
            if (!rowDoses.isEmpty() && rowDoses.stream().allMatch(d -> !d.indications().isEmpty())) {
                Set<String> in = new TreeSet<>();
                rowDoses.forEach(d -> in.addAll(d.indications()));
                facts.add(new no.pgx.rules.model.RecommendationScope(r.id(), in, Set.of()));
                indication = true;
            }
            for (ClinicalKnowledge.DoseRow d : rowDoses) {
                facts.add(new no.pgx.rules.model.DoseRow(d.id(), d.recommendationId(), d.ageMin(), d.ageMax(),
                        d.indications(), d.notIndications()));
                age |= d.ageMin() != null || d.ageMax() != null;
                indication |= !d.indications().isEmpty() || !d.notIndications().isEmpty();
            }
        }
        for (no.pgx.rules.model.AlgorithmStatement s : statements.getOrDefault(drug, List.of())) {
            facts.add(s);
            for (ClinicalKnowledge.DoseRow d : clinical.doses.getOrDefault(s.id(), List.of())) {
                facts.add(new no.pgx.rules.model.DoseRow(d.id(), d.recommendationId(), d.ageMin(), d.ageMax(),
                        d.indications(), d.notIndications()));
            }
            indication |= !s.exceptConditions().isEmpty();
        }
        for (ClinicalKnowledge.ScopeRow s : clinical.scopes.getOrDefault(drug, List.of())) {
            facts.add(new no.pgx.rules.model.AlternativeScope(s.id(), drug, s.alternative(), s.population(),
                    s.indication(), s.fit(), s.offerWhenUnstated()));
            indication = true;
        }
        Set<String> medications = new TreeSet<>();
        boolean predicted = false;
        for (ClinicalKnowledge.InteractionRow i : clinical.interactions.getOrDefault(drug, List.of())) {
            facts.add(i.fact());
            alternatives.addAll(i.replaceWith());
            medications.addAll(i.perpetrators());
            medications.addAll(i.alsoNeeded());
            predicted |= !i.phenotypes().isEmpty();
        }
        boolean weight = false;
        Set<String> conditions = new TreeSet<>();
        statements.getOrDefault(drug, List.of()).forEach(s -> conditions.addAll(s.exceptConditions()));
        Set<String> keyGenes = new TreeSet<>(info.genes());
        Set<String> fullGenes = new TreeSet<>(info.diplotypeGenes());
        fullGenes.addAll(info.functionGenes());
        List<String> probes = new ArrayList<>();
        Set<String> ancestryGroups = new TreeSet<>();
        for (String a : alternatives) {
            for (ClinicalKnowledge.ContraindicationRow c : clinical.contraindications.getOrDefault(a, List.of())) {
                facts.add(new no.pgx.rules.model.Contraindication(c.id(), a, c.kind(), c.value(), c.severity(),
                        c.drugs(), c.withCondition()));
                switch (c.kind()) {
                    case "condition" -> {
                        conditions.add(c.value());
                        indication = true;
                    }
                    case "indication" -> indication = true;
                    case "age-min", "age-max" -> age = true;
                    case "weight-max" -> weight = true;
                    case "co-medication" -> medications.addAll(c.drugs());
                    case "ancestry" -> ancestryGroups.add(c.value());
                    default -> { }
                }
                if (c.withCondition() != null) {
                    conditions.add(c.withCondition());
                    indication = true;
                }
            }
            for (ClinicalKnowledge.SubstrateRow sub : clinical.substrates.getOrDefault(a, List.of())) {
                if (sub.role().equals("major")) {
                    facts.add(new no.pgx.rules.model.Substrate(a, sub.gene(), sub.role()));
                    keyGenes.add(sub.gene());
                }
            }
            if (!a.equals(drug) && drugs.containsKey(a)) {
                probes.add(a);
                keyGenes.addAll(drugs.get(a).genes());
                fullGenes.addAll(drugs.get(a).diplotypeGenes());
                fullGenes.addAll(drugs.get(a).functionGenes());
                age |= drugs.get(a).ageBounded();
            }
        }
        Set<String> ancestry = new TreeSet<>(ancestryGroups);
        for (TestRule t : tests.values()) {
            if (t.drug().equals(drug)) {
                ancestry.addAll(t.audience());
            }
        }
        return new Context(List.copyOf(facts), List.copyOf(probes), List.copyOf(keyGenes), age, weight,
                Set.copyOf(conditions), indication, Set.copyOf(ancestry), Set.copyOf(medications), therapy,
                Set.copyOf(fullGenes), predicted);
    }

    /** @return the alternatives of a drug's rows, scopes and interaction advice (for tests of the tables) */
    Set<String> alternativesOf(String drug) {
        Set<String> out = new TreeSet<>();
        DrugInfo info = drugs.get(drug);
        if (info != null) {
            info.context().orderFacts().forEach(f -> {
                if (f instanceof no.pgx.rules.model.RowAlternative r) {
                    out.add(r.alternative());
                } else if (f instanceof no.pgx.rules.model.InteractionAdvice i) {
                    out.addAll(i.replaceWith());
                }
            });
        }
        return out;
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
