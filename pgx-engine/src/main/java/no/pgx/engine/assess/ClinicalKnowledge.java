package no.pgx.engine.assess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import no.pgx.engine.LocalizedText;
import no.pgx.engine.PgxException;
import no.pgx.knowledge.CsvTable;

/**
 * The clinical context tables of {@code pgx-knowledge} ({@code clinical/} and {@code curation/}): the condition
 * vocabulary, contraindications and cautions of drugs, where alternatives fit, drug–drug–gene interaction advice,
 * substrates of pharmacogenes, tests before start and structured dose facts. Loaded once and checked row by row: a row
 * naming an unknown drug, condition, gene or kind stops the engine from starting, with the table, line and field in the
 * message. Immutable after loading; thread-safe.
 */
public final class ClinicalKnowledge {
    static final Set<String> CONTRAINDICATION_KINDS = Set.of("condition", "indication", "age-min", "age-max",
            "weight-max", "co-medication", "ancestry");
    static final Set<String> FITS = Set.of("appropriate", "not-appropriate", "outside-licence", "not-addressed");
    static final Set<String> SEVERITIES = Set.of("contraindicated", "not-recommended", "caution");
    static final Set<String> INTERACTION_ADVICE = Set.of("replace-perpetrator", "avoid-combination", "reduce-dose",
            "monitor");
    static final Set<String> BASES = Set.of("guideline-text", "smpc", "interaction-table");
    static final Set<String> REQUIREMENTS = Set.of("required", "recommended", "information");
    static final Set<String> DOSE_KINDS = Set.of("starting", "maintenance", "loading", "maximum", "daily");
    /** Values of dose-facts.csv {@code one_click} that forbid a one-click dose change (see curation/README.md). */
    static final java.util.List<String> ONE_CLICK_NO = java.util.List.of("no-titration", "no-sources-differ");
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final java.util.regex.Pattern QUALIFIED = java.util.regex.Pattern.compile(
            "(?i)(icd-?10|icpc-?2|icpc|snomed(?: ?ct)?|sct)\\s*:\\s*(.+)");
    static final Set<String> DOSE_CHANGES = Set.of("unchanged", "percent", "absolute", "cap", "below",
            "by-enzyme-activity");

    /** A condition of the vocabulary; codes are prefixes (ICD-10 {@code I63} covers {@code I63.9}). */
    record Condition(String id, String en, String nb, String population, List<String> icd10, List<String> icpc2,
                     List<String> snomed) {
    }

    /**
     * @param drugs         for co-medication rows, the drug ids the value stands for (a drug, an ATC prefix, a CYP
     *                      perpetrator class), lower case; empty otherwise
     * @param withCondition a second condition the row needs, or null
     */
    public record ContraindicationRow(String id, String drug, String kind, String value, String severity, String reasonEn,
                               String reasonNb, String source, String section, Set<String> drugs,
                               String withCondition) {
    }

    /** A row of {@code clinical/alternative-scope.csv}: where an alternative fits by population or indication, with its source. */
    public record ScopeRow(String id, String drug, String alternative, String population, String indication, String fit,
                    String reasonEn, String reasonNb, String source, boolean offerWhenUnstated) {
        boolean appropriate() {
            return fit.equals("appropriate");
        }
    }

    /**
     * @param perpetrators the drug ids (lower case) that are perpetrators for the row
     * @param alsoNeeded   for two-enzyme rows, drug ids of which one must also be taken
     * @param sameGene     the perpetrator acts on the row's gene (enzyme empty or the gene)
     * @param phenotypes   genotype-predicted phenotypes the row applies to; empty = any
     */
    public record InteractionRow(String id, String victim, String gene, String perpetrator, String strength, String advice,
                          String keep, List<String> replaceWith, String basis, String reasonEn, String reasonNb,
                          String source, String section, String url, Set<String> perpetrators,
                          Set<String> alsoNeeded, boolean sameGene, Set<String> phenotypes, String severity,
                          String enzyme, String effect) {
        /** @return the rule fact of the row */
        no.pgx.rules.model.InteractionAdvice fact() {
            return new no.pgx.rules.model.InteractionAdvice(id, victim, gene, perpetrator != null, rank(strength),
                    perpetrators, alsoNeeded, sameGene, phenotypes, advice, severity, replaceWith, basis,
                    !"victim".equals(keep));
        }

        /** @return the enzyme the perpetrator acts on (the gene when the row names none) */
        public String actsOn() {
            return enzyme == null ? gene : enzyme.replace("+", " og ");
        }
    }

    /** What the clinical tables need of the drug catalog and the perpetrator table. */
    static final class Catalog {
        private final no.pgx.terminology.drug.DrugCatalog catalog;

        Catalog(no.pgx.terminology.drug.DrugCatalog catalog) {
            this.catalog = catalog;
        }

        boolean known(String id) {
            return catalog == null || catalog.byId(id).isPresent();
        }

        boolean catalogKnown() {
            return catalog != null;
        }

        /** @return lower-case ids of catalog drugs whose systemic ATC codes start with the prefix */
        Set<String> atc(String prefix) {
            Set<String> out = new java.util.TreeSet<>();
            if (catalog != null) {
                for (no.pgx.terminology.drug.DrugConcept c : catalog.all()) {
                    if (c.atcCodes().stream().anyMatch(a -> a.startsWith(prefix))) {
                        out.add(c.id().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return out;
        }
    }

    static int rank(String strength) {
        return switch (strength == null ? "" : strength) {
            case "strong" -> 3;
            case "moderate" -> 2;
            case "weak" -> 1;
            default -> 0;
        };
    }

    record SubstrateRow(String drug, String gene, String role, String reasonEn, String reasonNb, String source) {
    }

    /** A dose statement; {@code id} is {@code recommendationId#n}. */
    public record DoseRow(String id, String recommendationId, String source, String drug, String kind, String change,
                   String percent, String amount, String unit, Integer ageMin, Integer ageMax, boolean conditional,
                   String conditionEn, String conditionNb, String basis, String frequency, Set<String> indications,
                   Set<String> notIndications, Set<String> conditionKinds, String oneClick) {
        /** @return true when the curation says the statement is never a one-click dose change (column one_click) */
        public boolean noOneClick() {
            return oneClick != null;
        }
    }

    /** One perpetrator row of phenoconversion/cyp-modulators.csv. */
    private record Modulator(String enzyme, String drug, String effect, int strength) {
    }

    final Map<String, Condition> conditions = new LinkedHashMap<>();
    final Map<String, List<ContraindicationRow>> contraindications = new TreeMap<>();
    final Map<String, List<ScopeRow>> scopes = new TreeMap<>();
    final Map<String, List<InteractionRow>> interactions = new TreeMap<>();
    /** Interaction advice rows by id. */
    public final Map<String, InteractionRow> interactionById = new LinkedHashMap<>();
    final Map<String, List<SubstrateRow>> substrates = new TreeMap<>();
    /** Contraindication and caution rows by id. */
    public final Map<String, ContraindicationRow> contraindicationById = new LinkedHashMap<>();
    /** Alternative-scope rows by id. */
    public final Map<String, ScopeRow> scopeById = new LinkedHashMap<>();
    final Map<String, List<DoseRow>> doses = new TreeMap<>();
    /** Curated dose facts by id. */
    public final Map<String, DoseRow> doseById = new LinkedHashMap<>();
    /** Test-before-start rows, or null when the table is not there (the engine then uses test-required.csv). */
    final List<Knowledge.TestRule> tests;

    private final Catalog catalog;
    private final Predicate<String> knownGene;
    private final List<Modulator> modulators;

    private ClinicalKnowledge(ClassLoader loader, Catalog catalog, Predicate<String> knownGene,
                              Set<String> populations) {
        this.catalog = catalog;
        this.knownGene = knownGene;
        this.modulators = loadModulators(loader);
        CsvTable c = optional(loader, "clinical/conditions.csv");
        if (c != null) {
            loadConditions(c, populations);
        }
        CsvTable ci = optional(loader, "clinical/contraindications.csv");
        if (ci != null) {
            loadContraindications(ci);
        }
        CsvTable scope = optional(loader, "clinical/alternative-scope.csv");
        if (scope != null) {
            loadScopes(scope, populations);
        }
        CsvTable ia = optional(loader, "clinical/interaction-advice.csv");
        if (ia != null) {
            loadInteractions(ia);
        }
        CsvTable sub = optional(loader, "clinical/substrates.csv");
        if (sub != null) {
            loadSubstrates(sub);
        }
        CsvTable tbs = optional(loader, "clinical/test-before-start.csv");
        tests = tbs == null ? null : loadTests(tbs);
        CsvTable dose = optional(loader, "curation/dose-facts.csv");
        if (dose != null) {
            loadDoses(dose);
        }
    }

    /**
     * @param catalog     the drug catalog (known drug ids, ATC groups of co-medication)
     * @param knownGene   whether a gene symbol is known to the rule base
     * @param populations the recommendation population keys
     * @throws PgxException naming table, line and field for a bad row
     */
    static ClinicalKnowledge load(ClassLoader loader, Catalog catalog, Predicate<String> knownGene,
                                  Set<String> populations) {
        try {
            return new ClinicalKnowledge(loader, catalog, knownGene, populations);
        } catch (CsvTable.MalformedCsvException | IllegalArgumentException e) {
            throw new PgxException("The bundled clinical tables cannot be read: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ lookups

    /**
     * The outcome of resolving a condition as given (id or code).
     *
     * @param ids       the condition ids the code falls under, most specific code first (ICD-10 {@code I21} for acute
     *                  myocardial infarction before {@code I2} for ischaemic heart disease)
     * @param ambiguous true when an unqualified code fits conditions of two code systems (ICD-10 and ICPC-2)
     */
    record ConditionMatch(List<String> ids, String problem, boolean ambiguous) {
    }

    /**
     * Resolves a condition given as an id ({@code stroke-tia}), a code ({@code I63.9}, {@code K90}, {@code 230690007})
     * or a system-qualified code ({@code icd10:I63.9}, {@code icpc2:K90}, {@code snomed:230690007}, also with
     * {@code |} and the FHIR system URIs). An unqualified code that fits conditions in two systems (ICD-10 and ICPC-2
     * share the letter-digit-digit shape) resolves to all of them and says so.
     *
     * @return the condition ids (empty when nothing fits, with a problem)
     */
    ConditionMatch condition(String input) {
        if (input == null || input.isBlank()) {
            return new ConditionMatch(List.of(), "empty condition", false);
        }
        String s = input.strip();
        if (conditions.containsKey(s.toLowerCase(Locale.ROOT))) {
            return new ConditionMatch(List.of(s.toLowerCase(Locale.ROOT)), null, false);
        }
        if (SLUG.matcher(s).matches()) {
            // a condition id the table does not define (no codes, no population): kept as given, so that tables
            // keyed on it (dose facts per indication) still see it; it is not a fault of the input
            return new ConditionMatch(List.of(s), null, false);
        }
        String system = null;
        String code = s;
        int bar = s.lastIndexOf('|');
        java.util.regex.Matcher m = QUALIFIED.matcher(s);
        if (bar > 0) {
            system = systemOf(s.substring(0, bar));
            code = s.substring(bar + 1).strip();
        } else if (m.matches()) {
            system = systemOf(m.group(1));
            code = m.group(2).strip();
        }
        String normal = code.toUpperCase(Locale.ROOT).replace(" ", "");
        Map<String, Integer> matched = new LinkedHashMap<>();
        Set<String> systems = new LinkedHashSet<>();
        for (Condition c : conditions.values()) {
            int best = -1;
            if (system == null || system.equals("icd10")) {
                int hit = prefixMatch(c.icd10(), normal);
                if (hit > 0) {
                    systems.add("icd10");
                    best = Math.max(best, hit);
                }
            }
            if (system == null || system.equals("icpc2")) {
                int hit = prefixMatch(c.icpc2(), normal);
                if (hit > 0) {
                    systems.add("icpc2");
                    best = Math.max(best, hit);
                }
            }
            if ((system == null || system.equals("snomed")) && c.snomed().contains(normal)) {
                systems.add("snomed");
                best = Math.max(best, 100);
            }
            if (best > 0) {
                matched.put(c.id(), best);
            }
        }
        if (matched.isEmpty()) {
            return new ConditionMatch(List.of(), "unknown condition '" + input + "' (use a condition id such as "
                    + "'stroke-tia' or an ICD-10, ICPC-2 or SNOMED CT code the condition table lists)", false);
        }
        List<String> ids = new ArrayList<>(matched.keySet());
        ids.sort(java.util.Comparator.comparingInt((String id) -> -matched.get(id)));
        return new ConditionMatch(List.copyOf(ids), null, system == null && systems.contains("icd10")
                && systems.contains("icpc2"));
    }

    /** @return the length of the longest listed prefix the code starts with, or 0 */
    private static int prefixMatch(List<String> prefixes, String code) {
        String plain = code.replace(".", "");
        int best = 0;
        for (String p : prefixes) {
            String q = p.toUpperCase(Locale.ROOT).replace(".", "");
            if (!q.isEmpty() && plain.startsWith(q)) {
                best = Math.max(best, q.length());
            }
        }
        return best;
    }

    private static String systemOf(String s) {
        String x = s.toLowerCase(Locale.ROOT);
        if (x.contains("icd-10") || x.contains("icd10")) {
            return "icd10";
        }
        if (x.contains("icpc")) {
            return "icpc2";
        }
        if (x.contains("snomed") || x.equals("sct")) {
            return "snomed";
        }
        return "unknown:" + x;
    }

    /** @return the recommendation population a condition selects, or null */
    String populationOf(String conditionId) {
        Condition c = conditions.get(conditionId);
        return c == null ? null : c.population();
    }

    /**
     * @param id a condition id
     * @return a condition's label in both languages (the id when unknown)
     */
    public LocalizedText conditionLabel(String id) {
        Condition c = conditions.get(id);
        return c == null ? new LocalizedText(id, id) : new LocalizedText(c.en(), c.nb());
    }

    // ------------------------------------------------------------------ loading

    /** Adds a dose statement that is not in dose-facts.csv (a statement of a dosing-algorithm guideline). */
    void addDose(DoseRow row) {
        doses.computeIfAbsent(row.recommendationId(), k -> new ArrayList<>()).add(row);
        doseById.put(row.id(), row);
    }

    /** @return the table when it is bundled (source and licence checked), else null */
    static CsvTable optionalTable(ClassLoader loader, String resource) {
        return optional(loader, resource);
    }

    private static CsvTable optional(ClassLoader loader, String resource) {
        if (loader.getResource(Knowledge.BASE + resource) == null) {
            return null;
        }
        CsvTable t = CsvTable.readResource(Knowledge.BASE + resource, loader);
        if (t.metadata("source") == null || t.metadata("licence") == null) {
            throw new PgxException("The knowledge table " + resource + " does not state its source and licence", null);
        }
        return t;
    }

    private List<Modulator> loadModulators(ClassLoader loader) {
        List<Modulator> out = new ArrayList<>();
        if (loader.getResource(Knowledge.BASE + "phenoconversion/cyp-modulators.csv") == null) {
            return out;
        }
        for (CsvTable.Row r : CsvTable.readResource(Knowledge.BASE + "phenoconversion/cyp-modulators.csv", loader)
                .rows()) {
            out.add(new Modulator(r.require("enzyme"), r.require("drug").toLowerCase(Locale.ROOT),
                    r.require("effect"), rank(r.require("strength"))));
        }
        return List.copyOf(out);
    }

    /** @return lower-case ids of the perpetrators of an enzyme with the effect and at least the strength */
    private Set<String> perpetrators(String enzyme, String effect, int minStrength) {
        Set<String> out = new java.util.TreeSet<>();
        for (Modulator m : modulators) {
            if (m.enzyme().equals(enzyme) && m.effect().equals(effect) && m.strength() >= minStrength) {
                out.add(m.drug());
            }
        }
        return out;
    }

    private void drug(CsvTable.Row r, String column, String value) {
        for (String part : value.split("\\+")) {
            if (!catalog.known(part.trim())) {
                throw r.error("unknown drug '" + part.trim() + "' in column '" + column + "' (not in drug/drugs.csv)");
            }
        }
    }

    private void gene(CsvTable.Row r, String value) {
        if (!knownGene.test(value)) {
            throw r.error("unknown gene '" + value + "'");
        }
    }

    private static String oneOf(CsvTable.Row r, String column, Set<String> allowed) {
        String v = r.require(column);
        if (!allowed.contains(v)) {
            throw r.error("column '" + column + "' is '" + v + "', not one of " + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    private void condition(CsvTable.Row r, String column, String value) {
        if (!conditions.isEmpty() && !conditions.containsKey(value)) {
            throw r.error("unknown condition '" + value + "' in column '" + column + "' (not in clinical/conditions.csv)");
        }
    }

    private void loadConditions(CsvTable t, Set<String> populations) {
        for (CsvTable.Row r : t.rows()) {
            String id = r.require("id");
            String population = r.getOrNull("population");
            if (population != null && !populations.contains(population)) {
                throw r.error("unknown population '" + population + "' (not in guidelines/populations.csv)");
            }
            if (conditions.put(id, new Condition(id, r.require("en"), r.require("nb"), population,
                    Knowledge.list(r.get("icd10")), Knowledge.list(r.get("icpc2")),
                    Knowledge.list(r.get("snomed")))) != null) {
                throw r.error("duplicate condition id '" + id + "'");
            }
        }
    }

    private void loadContraindications(CsvTable t) {
        for (CsvTable.Row r : t.rows()) {
            // an alternative the drug catalog does not hold is shown by its English id; its rows still apply
            String drug = r.require("drug");
            String kind = oneOf(r, "kind", CONTRAINDICATION_KINDS);
            String value = r.require("value");
            Set<String> drugs = Set.of();
            switch (kind) {
                case "condition", "indication" -> condition(r, "value", value);
                case "co-medication" -> drugs = coMedication(r, value);
                case "ancestry" -> {
                }
                default -> {
                    try {
                        Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw r.error("value '" + value + "' of kind " + kind + " is not a number");
                    }
                }
            }
            String with = r.hasColumn("with_condition") ? r.getOrNull("with_condition") : null;
            if (with != null) {
                condition(r, "with_condition", with);
            }
            ContraindicationRow row = new ContraindicationRow(r.require("id"), drug, kind, value,
                    oneOf(r, "severity", SEVERITIES), r.require("reason_en"), r.require("reason_nb"),
                    r.require("source"), r.getOrNull("section"), drugs, with);
            if (contraindicationById.put(row.id(), row) != null) {
                throw r.error("duplicate id '" + row.id() + "'");
            }
            contraindications.computeIfAbsent(drug, d -> new ArrayList<>()).add(row);
        }
    }

    /** A co-medication value: a drug id, {@code atc:<prefix>} or {@code cyp:<ENZYME>:<effect>:<strength>}. */
    private Set<String> coMedication(CsvTable.Row r, String value) {
        if (value.startsWith("atc:")) {
            // a group none of whose drugs the catalog holds can never be recognised on a medication list: the row
            // cannot apply (the catalog holds every drug the engine reads from medication lists)
            return catalog.atc(value.substring(4));
        }
        if (value.startsWith("cyp:")) {
            String[] p = value.split(":");
            if (p.length != 4 || rank(p[3]) == 0) {
                throw r.error("co-medication '" + value + "' is not like cyp:CYP3A4:inhibitor:strong");
            }
            return perpetrators(p[1], p[2], rank(p[3]));
        }
        return Set.of(value.toLowerCase(Locale.ROOT));
    }

    private void loadScopes(CsvTable t, Set<String> populations) {
        for (CsvTable.Row r : t.rows()) {
            String drug = r.require("drug");
            String alternative = r.require("alternative");
            drug(r, "drug", drug);
            String population = r.getOrNull("population");
            String indication = r.getOrNull("indication");
            if (population == null && indication == null) {
                throw r.error("a scope row needs a population or an indication");
            }
            if (population != null && !populations.contains(population)) {
                throw r.error("unknown population '" + population + "'");
            }
            if (indication != null) {
                condition(r, "indication", indication);
            }
            String fit = oneOf(r, "fit", FITS);
            String id = r.hasColumn("id") && r.getOrNull("id") != null ? r.getOrNull("id")
                    : "scope:" + drug + ":" + alternative + ":" + (population == null ? "" : population) + ":"
                    + (indication == null ? "" : indication);
            String unstated = r.hasColumn("if_indication_unstated") ? r.getOrNull("if_indication_unstated") : null;
            if (unstated != null && !unstated.equals("offer") && !unstated.equals("withhold")) {
                throw r.error("if_indication_unstated '" + unstated + "' is not offer or withhold");
            }
            if ("offer".equals(unstated) && (indication == null || !fit.equals("appropriate"))) {
                throw r.error("if_indication_unstated=offer needs an indication and fit appropriate");
            }
            ScopeRow row = new ScopeRow(id, drug, alternative, population, indication, fit,
                    r.require("reason_en"), r.require("reason_nb"), r.require("source"), "offer".equals(unstated));
            if (scopeById.put(id, row) != null) {
                throw r.error("duplicate scope row " + id);
            }
            scopes.computeIfAbsent(drug, d -> new ArrayList<>()).add(row);
        }
    }

    private void loadInteractions(CsvTable t) {
        for (CsvTable.Row r : t.rows()) {
            String victim = r.require("victim");
            drug(r, "victim", victim);
            String gene = r.require("gene");
            gene(r, gene);
            String perpetrator = r.getOrNull("perpetrator");
            String strength = r.getOrNull("perpetrator_strength");
            if (strength != null && rank(strength) == 0) {
                throw r.error("perpetrator_strength '" + strength + "' is not strong, moderate or weak");
            }
            if (perpetrator == null && strength == null) {
                throw r.error("a row without a perpetrator needs a perpetrator_strength");
            }
            List<String> replace = Knowledge.list(r.get("replace_with"));
            String keep = r.getOrNull("keep");
            if (keep != null && !keep.equals("victim") && !keep.equals("perpetrator")) {
                throw r.error("column 'keep' is '" + keep + "', not victim or perpetrator");
            }
            String enzyme = r.hasColumn("enzyme") ? r.getOrNull("enzyme") : null;
            String effect = r.hasColumn("effect") && r.getOrNull("effect") != null ? r.getOrNull("effect")
                    : "inhibitor";
            Set<String> phenotypes = r.hasColumn("phenotype") ? Set.copyOf(Knowledge.list(r.get("phenotype")))
                    : Set.of();
            String severity = r.hasColumn("severity") && r.getOrNull("severity") != null
                    ? oneOf(r, "severity", SEVERITIES) : "caution";
            List<String> enzymes = enzyme == null ? List.of(gene) : List.of(enzyme.split("\\+"));
            Set<String> perpetrators;
            Set<String> also = Set.of();
            if (perpetrator != null) {
                perpetrators = Set.of(perpetrator.toLowerCase(Locale.ROOT));
            } else {
                perpetrators = perpetrators(enzymes.get(0).trim(), effect, rank(strength));
                if (enzymes.size() > 1) {
                    also = perpetrators(enzymes.get(1).trim(), effect, rank(strength));
                }
                if (perpetrators.isEmpty()) {
                    throw r.error("no perpetrator in phenoconversion/cyp-modulators.csv is a " + strength + " "
                            + enzymes.get(0) + " " + effect);
                }
            }
            boolean sameGene = enzyme == null || enzyme.equals(gene);
            InteractionRow row = new InteractionRow(r.require("id"), victim, gene, perpetrator, strength,
                    oneOf(r, "advice", INTERACTION_ADVICE), keep, replace, oneOf(r, "basis", BASES),
                    r.require("reason_en"), r.require("reason_nb"), r.require("source"), r.getOrNull("section"),
                    r.getOrNull("url"), perpetrators, also, sameGene, phenotypes, severity, enzyme, effect);
            if (interactionById.put(row.id(), row) != null) {
                throw r.error("duplicate id '" + row.id() + "'");
            }
            interactions.computeIfAbsent(victim, d -> new ArrayList<>()).add(row);
        }
    }

    private void loadSubstrates(CsvTable t) {
        for (CsvTable.Row r : t.rows()) {
            String drug = r.require("drug");
            // substrates may name drugs outside the catalog (alternatives shown by id)
            String gene = r.require("gene");
            gene(r, gene);
            substrates.computeIfAbsent(drug, d -> new ArrayList<>()).add(new SubstrateRow(drug, gene,
                    oneOf(r, "role", Set.of("major", "minor", "none")), r.require("reason_en"),
                    r.require("reason_nb"), r.require("source")));
        }
    }

    private List<Knowledge.TestRule> loadTests(CsvTable t) {
        List<Knowledge.TestRule> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String drug = r.require("drug");
            drug(r, "drug", drug);
            String gene = r.require("gene");
            gene(r, gene);
            String id = r.require("id");
            if (!ids.add(id)) {
                throw r.error("duplicate id '" + id + "'");
            }
            String routes = r.getOrNull("routes");
            if (routes != null && !routes.equals("systemic")) {
                throw r.error("routes '" + routes + "' is not 'systemic' (local routes never trigger a test)");
            }
            String audience = r.getOrNull("audience");
            Set<String> groups = Set.of();
            if (audience != null && !audience.equals("all")) {
                if (!audience.startsWith("ancestry:")) {
                    throw r.error("audience '" + audience + "' is neither 'all' nor 'ancestry:<group>|<group>'");
                }
                groups = Set.copyOf(Knowledge.list(audience.substring("ancestry:".length())));
            }
            String allele = r.getOrNull("allele");
            out.add(new Knowledge.TestRule(id, drug, gene, allele, r.require("authority"), r.require("reason_en"),
                    r.require("reason_nb"), oneOf(r, "requirement", REQUIREMENTS), groups,
                    r.getOrNull("jurisdiction"), r.getOrNull("document"), r.getOrNull("section"),
                    r.getOrNull("url")));
        }
        return List.copyOf(out);
    }

    private void loadDoses(CsvTable t) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CsvTable.Row r : t.rows()) {
            String rec = r.require("recommendation_id");
            String drug = r.require("drug");
            drug(r, "drug", drug);
            String change = oneOf(r, "change", DOSE_CHANGES);
            String percent = r.getOrNull("percent");
            String amount = r.getOrNull("amount");
            if (change.equals("percent") && percent == null) {
                throw r.error("change 'percent' needs a percent");
            }
            if ((change.equals("absolute") || change.equals("cap") || change.equals("below"))
                    && (amount == null || r.getOrNull("unit") == null) && percent == null) {
                throw r.error("change '" + change + "' needs an amount and a unit (or a percent)");
            }
            if (percent != null && !percent.matches("\\d{1,3}(-\\d{1,3})?")) {
                throw r.error("percent '" + percent + "' is not like 50 or 20-50");
            }
            if (amount != null && !amount.matches("\\d+([.,]\\d+)?(-\\d+([.,]\\d+)?)?")) {
                throw r.error("amount '" + amount + "' is not like 400, 7.5 or 200-400");
            }
            boolean conditional = "yes".equalsIgnoreCase(r.get("conditional").trim());
            if (conditional && (r.getOrNull("condition_en") == null || r.getOrNull("condition_nb") == null)) {
                throw r.error("a conditional dose statement needs condition_en and condition_nb");
            }
            Set<String> indications = new java.util.TreeSet<>();
            Set<String> not = new java.util.TreeSet<>();
            if (r.hasColumn("indication")) {
                for (String i : Knowledge.list(r.get("indication"))) {
                    if (i.startsWith("not:")) {
                        not.add(i.substring(4));
                    } else {
                        indications.add(i);
                    }
                }
            }
            String oneClick = r.hasColumn("one_click") ? r.getOrNull("one_click") : null;
            if (oneClick != null && !ONE_CLICK_NO.contains(oneClick)) {
                throw r.error("one_click '" + oneClick + "' is not empty, " + String.join(" or ", ONE_CLICK_NO));
            }
            int n = counts.merge(rec, 1, Integer::sum);
            DoseRow row = new DoseRow(rec + "#" + n, rec, r.require("source"), drug,
                    oneOf(r, "dose_kind", DOSE_KINDS), change, percent, amount, r.getOrNull("unit"),
                    integer(r, "age_min_years"), integer(r, "age_max_years"), conditional, r.getOrNull("condition_en"),
                    r.getOrNull("condition_nb"), r.getOrNull("basis"),
                    r.hasColumn("frequency") ? r.getOrNull("frequency") : null, Set.copyOf(indications),
                    Set.copyOf(not), r.hasColumn("condition_kind") ? Set.copyOf(Knowledge.list(r.get("condition_kind")))
                            : Set.of(), oneClick);
            doses.computeIfAbsent(rec, k -> new ArrayList<>()).add(row);
            doseById.put(row.id(), row);
        }
    }

    private static Integer integer(CsvTable.Row r, String column) {
        String v = r.getOrNull(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw r.error("column '" + column + "' is '" + v + "', not a whole number");
        }
    }
}
