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
final class ClinicalKnowledge {
    static final Set<String> CONTRAINDICATION_KINDS = Set.of("condition", "indication", "age-min", "age-max",
            "weight-max", "co-medication");
    static final Set<String> SEVERITIES = Set.of("contraindicated", "not-recommended", "caution");
    static final Set<String> INTERACTION_ADVICE = Set.of("replace-perpetrator", "avoid-combination", "reduce-dose",
            "monitor");
    static final Set<String> BASES = Set.of("guideline-text", "smpc", "interaction-table");
    static final Set<String> REQUIREMENTS = Set.of("required", "recommended", "information");
    static final Set<String> DOSE_KINDS = Set.of("starting", "maintenance", "loading", "maximum", "daily");
    private static final java.util.regex.Pattern QUALIFIED = java.util.regex.Pattern.compile(
            "(?i)(icd-?10|icpc-?2|icpc|snomed(?: ?ct)?|sct)\\s*:\\s*(.+)");
    static final Set<String> DOSE_CHANGES = Set.of("unchanged", "percent", "absolute", "cap");

    /** A condition of the vocabulary; codes are prefixes (ICD-10 {@code I63} covers {@code I63.9}). */
    record Condition(String id, String en, String nb, String population, List<String> icd10, List<String> icpc2,
                     List<String> snomed) {
    }

    record ContraindicationRow(String id, String drug, String kind, String value, String severity, String reasonEn,
                               String reasonNb, String source, String section) {
    }

    record ScopeRow(String id, String drug, String alternative, String population, String indication,
                    boolean appropriate, String reasonEn, String reasonNb, String source) {
    }

    record InteractionRow(String id, String victim, String gene, String perpetrator, String strength, String advice,
                          String keep, List<String> replaceWith, String basis, String reasonEn, String reasonNb,
                          String source, String section, String url) {
    }

    record SubstrateRow(String drug, String gene, String role, String reasonEn, String reasonNb, String source) {
    }

    /** A dose statement; {@code id} is {@code recommendationId#n}. */
    record DoseRow(String id, String recommendationId, String source, String drug, String kind, String change,
                   String percent, String amount, String unit, Integer ageMin, Integer ageMax, boolean conditional,
                   String conditionEn, String conditionNb, String basis) {
    }

    final Map<String, Condition> conditions = new LinkedHashMap<>();
    final Map<String, List<ContraindicationRow>> contraindications = new TreeMap<>();
    final Map<String, List<ScopeRow>> scopes = new TreeMap<>();
    final Map<String, List<InteractionRow>> interactions = new TreeMap<>();
    final Map<String, InteractionRow> interactionById = new LinkedHashMap<>();
    final Map<String, List<SubstrateRow>> substrates = new TreeMap<>();
    final Map<String, ContraindicationRow> contraindicationById = new LinkedHashMap<>();
    final Map<String, ScopeRow> scopeById = new LinkedHashMap<>();
    final Map<String, List<DoseRow>> doses = new TreeMap<>();
    final Map<String, DoseRow> doseById = new LinkedHashMap<>();
    /** Test-before-start rows, or null when the table is not there (the engine then uses test-required.csv). */
    final List<Knowledge.TestRule> tests;

    private final Predicate<String> knownDrug;
    private final Predicate<String> knownGene;

    private ClinicalKnowledge(ClassLoader loader, Predicate<String> knownDrug, Predicate<String> knownGene,
                              Set<String> populations) {
        this.knownDrug = knownDrug;
        this.knownGene = knownGene;
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
     * @param knownDrug   whether a drug id is in the drug catalog
     * @param knownGene   whether a gene symbol is known to the rule base
     * @param populations the recommendation population keys
     * @throws PgxException naming table, line and field for a bad row
     */
    static ClinicalKnowledge load(ClassLoader loader, Predicate<String> knownDrug, Predicate<String> knownGene,
                                  Set<String> populations) {
        try {
            return new ClinicalKnowledge(loader, knownDrug, knownGene, populations);
        } catch (CsvTable.MalformedCsvException | IllegalArgumentException e) {
            throw new PgxException("The bundled clinical tables cannot be read: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ lookups

    /** The outcome of resolving a condition as given (id or code). */
    record ConditionMatch(Set<String> ids, String problem) {
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
            return new ConditionMatch(Set.of(), "empty condition");
        }
        String s = input.strip();
        if (conditions.containsKey(s.toLowerCase(Locale.ROOT))) {
            return new ConditionMatch(Set.of(s.toLowerCase(Locale.ROOT)), null);
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
        Set<String> out = new LinkedHashSet<>();
        Set<String> systems = new LinkedHashSet<>();
        for (Condition c : conditions.values()) {
            if ((system == null || system.equals("icd10")) && prefixMatch(c.icd10(), normal)) {
                out.add(c.id());
                systems.add("icd10");
            }
            if ((system == null || system.equals("icpc2")) && prefixMatch(c.icpc2(), normal)) {
                out.add(c.id());
                systems.add("icpc2");
            }
            if ((system == null || system.equals("snomed")) && c.snomed().contains(normal)) {
                out.add(c.id());
                systems.add("snomed");
            }
        }
        if (out.isEmpty()) {
            return new ConditionMatch(Set.of(), "unknown condition '" + input + "' (use a condition id such as "
                    + "'stroke-tia' or an ICD-10, ICPC-2 or SNOMED CT code the condition table lists)");
        }
        return new ConditionMatch(Collections.unmodifiableSet(out), null);
    }

    private static boolean prefixMatch(List<String> prefixes, String code) {
        String plain = code.replace(".", "");
        for (String p : prefixes) {
            String q = p.toUpperCase(Locale.ROOT).replace(".", "");
            if (plain.startsWith(q)) {
                return true;
            }
        }
        return false;
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

    /** @return a condition's label in both languages (the id when unknown) */
    LocalizedText conditionLabel(String id) {
        Condition c = conditions.get(id);
        return c == null ? new LocalizedText(id, id) : new LocalizedText(c.en(), c.nb());
    }

    // ------------------------------------------------------------------ loading

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

    private void drug(CsvTable.Row r, String column, String value) {
        for (String part : value.split("\\+")) {
            if (!knownDrug.test(part.trim())) {
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
            String drug = r.require("drug");
            drug(r, "drug", drug);
            String kind = oneOf(r, "kind", CONTRAINDICATION_KINDS);
            String value = r.require("value");
            switch (kind) {
                case "condition", "indication" -> condition(r, "value", value);
                case "co-medication" -> drug(r, "value", value);
                default -> {
                    try {
                        Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw r.error("value '" + value + "' of kind " + kind + " is not a number");
                    }
                }
            }
            ContraindicationRow row = new ContraindicationRow(r.require("id"), drug, kind, value,
                    oneOf(r, "severity", SEVERITIES), r.require("reason_en"), r.require("reason_nb"),
                    r.require("source"), r.getOrNull("section"));
            if (contraindicationById.put(row.id(), row) != null) {
                throw r.error("duplicate id '" + row.id() + "'");
            }
            contraindications.computeIfAbsent(drug, d -> new ArrayList<>()).add(row);
        }
    }

    private void loadScopes(CsvTable t, Set<String> populations) {
        for (CsvTable.Row r : t.rows()) {
            String drug = r.require("drug");
            String alternative = r.require("alternative");
            drug(r, "drug", drug);
            drug(r, "alternative", alternative);
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
            String fit = oneOf(r, "fit", Set.of("appropriate", "not-appropriate"));
            String id = r.hasColumn("id") && r.getOrNull("id") != null ? r.getOrNull("id")
                    : "scope:" + drug + ":" + alternative + ":" + (population == null ? "" : population) + ":"
                    + (indication == null ? "" : indication);
            ScopeRow row = new ScopeRow(id, drug, alternative, population, indication, fit.equals("appropriate"),
                    r.require("reason_en"), r.require("reason_nb"), r.require("source"));
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
            if (perpetrator != null) {
                drug(r, "perpetrator", perpetrator);
            }
            String strength = oneOf(r, "perpetrator_strength", Set.of("strong", "moderate", "weak"));
            List<String> replace = Knowledge.list(r.get("replace_with"));
            for (String d : replace) {
                drug(r, "replace_with", d);
            }
            String keep = r.getOrNull("keep");
            if (keep != null && !keep.equals("victim") && !keep.equals("perpetrator")) {
                throw r.error("column 'keep' is '" + keep + "', not victim or perpetrator");
            }
            InteractionRow row = new InteractionRow(r.require("id"), victim, gene, perpetrator, strength,
                    oneOf(r, "advice", INTERACTION_ADVICE), keep == null ? "victim" : keep, replace,
                    oneOf(r, "basis", BASES), r.require("reason_en"), r.require("reason_nb"), r.require("source"),
                    r.getOrNull("section"), r.getOrNull("url"));
            if (interactionById.put(row.id(), row) != null) {
                throw r.error("duplicate id '" + row.id() + "'");
            }
            interactions.computeIfAbsent(victim, d -> new ArrayList<>()).add(row);
        }
    }

    private void loadSubstrates(CsvTable t) {
        for (CsvTable.Row r : t.rows()) {
            String drug = r.require("drug");
            drug(r, "drug", drug);
            String gene = r.require("gene");
            gene(r, gene);
            substrates.computeIfAbsent(drug, d -> new ArrayList<>()).add(new SubstrateRow(drug, gene,
                    oneOf(r, "role", Set.of("major", "minor")), r.require("reason_en"), r.require("reason_nb"),
                    r.require("source")));
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
            if ((change.equals("absolute") || change.equals("cap")) && (amount == null || r.getOrNull("unit") == null)
                    && percent == null) {
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
            int n = counts.merge(rec, 1, Integer::sum);
            DoseRow row = new DoseRow(rec + "#" + n, rec, r.require("source"), drug,
                    oneOf(r, "dose_kind", DOSE_KINDS), change, percent, amount, r.getOrNull("unit"),
                    integer(r, "age_min_years"), integer(r, "age_max_years"), conditional, r.getOrNull("condition_en"),
                    r.getOrNull("condition_nb"), r.getOrNull("basis"));
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
