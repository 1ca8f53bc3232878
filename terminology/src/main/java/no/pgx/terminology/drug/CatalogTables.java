package no.pgx.terminology.drug;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import no.pgx.knowledge.CsvTable;

/**
 * Loads and cross-checks the drug tables of the knowledge module ({@code no/pgx/knowledge/drug/}). Every table starts with {@code #}
 * lines naming source, version and licence. A table that contradicts itself (one ATC code for two substances, a
 * product whose ingredient is not in the catalog) is a packaging error and fails the load with a message naming the
 * table, line and value.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class CatalogTables {

    static final String DRUGS = "drugs.csv";
    static final String COMBINATIONS = "atc-combinations.csv";
    static final String PRODUCTS = "rxnorm-products.csv";
    static final String ROUTES = "route-terms.csv";
    static final String SALTS = "salt-suffixes.csv";
    static final String TRADE_NAMES = "trade-names.csv";

    /** A single-substance ATC code of a concept. */
    record AtcEntry(DrugConcept concept, boolean local, boolean legacy) {
    }

    /** An ATC code of combination products. */
    record Combination(String atc, List<DrugConcept> ingredients, List<DrugConcept> possible, String labels) {
    }

    /** An RxNorm clinical drug of the product table. */
    record Product(String rxcui, String name, DrugConcept ingredient, String doseForm) {
    }

    final Map<String, DrugConcept> concepts = new LinkedHashMap<>();
    final Map<String, AtcEntry> atc = new HashMap<>();
    final Map<String, Combination> combinations = new HashMap<>();
    final Map<String, DrugConcept> rxIngredients = new HashMap<>();
    final Map<String, Product> products = new HashMap<>();
    final Map<String, DrugConcept> snomed = new HashMap<>();
    final List<String> saltSuffixes = new ArrayList<>();
    final RouteClassifier routes;
    final TradeNames tradeNames;
    final String version;

    private CatalogTables(CsvTable drugs, CsvTable combos, CsvTable prods, CsvTable routeTable, CsvTable salts,
            CsvTable trade) {
        version = headerValue(drugs, "version");
        Map<String, List<String>> comboCodesById = new HashMap<>();
        for (CsvTable.Row row : combos.rows()) {
            for (String id : concat(split(row.get("ingredients")), split(row.get("possible_ingredients")))) {
                comboCodesById.computeIfAbsent(id, k -> new ArrayList<>()).add(row.get("atc"));
            }
        }
        for (CsvTable.Row row : drugs.rows()) {
            addConcept(row, comboCodesById.getOrDefault(row.get("id"), List.of()));
        }
        for (String id : comboCodesById.keySet()) {
            if (!concepts.containsKey(id)) {
                throw error(COMBINATIONS, 0, "ingredient '" + id + "' is not in " + DRUGS);
            }
        }
        for (CsvTable.Row row : combos.rows()) {
            addCombination(row);
        }
        for (CsvTable.Row row : prods.rows()) {
            addProduct(row);
        }
        routes = routeClassifier(routeTable);
        for (CsvTable.Row row : salts.rows()) {
            saltSuffixes.add(row.get("suffix"));
        }
        tradeNames = tradeNames(trade);
    }

    /** Where the drug tables live in the knowledge module. */
    static final String BASE = "no/pgx/knowledge/drug/";

    /** Loads the drug tables of the knowledge module. */
    static CatalogTables loadBundled() {
        return new CatalogTables(table(DRUGS), table(COMBINATIONS), table(PRODUCTS), table(ROUTES), table(SALTS),
                table(TRADE_NAMES));
    }

    /** Reads one drug table with the project's CSV reader and checks its provenance header lines. */
    static CsvTable table(String name) {
        CsvTable t;
        try {
            t = CsvTable.readResource(BASE + name, CatalogTables.class.getClassLoader());
        } catch (CsvTable.MalformedCsvException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        for (String key : List.of("source", "version", "licence")) {
            if (headerValue(t, key).isEmpty()) {
                throw new IllegalStateException(t.name() + ": no '# " + key + ":' header line");
            }
        }
        return t;
    }

    /** @return the value of a {@code # key:} header line, or empty */
    static String headerValue(CsvTable t, String key) {
        String v = t.metadata(key);
        return v == null ? "" : v;
    }

    private void addConcept(CsvTable.Row row, List<String> comboCodes) {
        String id = row.get("id");
        if (id.isEmpty()) {
            throw error(DRUGS, row.line(), "empty id");
        }
        if (concepts.containsKey(id)) {
            throw error(DRUGS, row.line(), "duplicate id '" + id + "'");
        }
        Set<DrugConcept.Role> roles = EnumSet.noneOf(DrugConcept.Role.class);
        for (String role : split(row.get("roles"))) {
            roles.add(DrugConcept.Role.valueOf(role.toUpperCase(Locale.ROOT)));
        }
        DrugConcept.Provenance provenance = new DrugConcept.Provenance(
                row.get("atc_confidence"), row.get("atc_source"),
                row.get("name_nb_confidence"), row.get("name_nb_source"),
                row.get("rxnorm_confidence"), row.get("rxnorm_source"),
                row.get("snomed_confidence"), row.get("snomed_source"));
        DrugConcept c = new DrugConcept(id, row.get("name_en"), row.get("name_nb"), split(row.get("synonyms")), roles,
                atcList(row, "atc"), atcList(row, "atc_local"), atcList(row, "atc_legacy"), List.copyOf(comboCodes),
                row.get("rxnorm_ingredient"), row.get("snomed"), provenance);
        concepts.put(id, c);
        c.atcCodes().forEach(code -> putAtc(code, new AtcEntry(c, false, false), row));
        c.localAtcCodes().forEach(code -> putAtc(code, new AtcEntry(c, true, false), row));
        c.legacyAtcCodes().forEach(code -> putAtc(code, new AtcEntry(c, isLocalLegacy(code), true), row));
        putUnique(rxIngredients, c.rxnormIngredient(), c, DRUGS, row, "RxNorm ingredient");
        putUnique(snomed, c.snomed(), c, DRUGS, row, "SNOMED CT code");
    }

    /** Legacy codes in the dermatological group (tacrolimus D11AX14) are local forms. */
    private static boolean isLocalLegacy(String code) {
        return code.startsWith("D");
    }

    private List<String> atcList(CsvTable.Row row, String column) {
        List<String> codes = split(row.get(column));
        for (String code : codes) {
            if (!Text.isAtcSubstanceShape(code)) {
                throw error(DRUGS, row.line(), column + " '" + code + "' is not a 7-character ATC code");
            }
        }
        return codes;
    }

    private void putAtc(String code, AtcEntry entry, CsvTable.Row row) {
        AtcEntry old = atc.putIfAbsent(code, entry);
        if (old != null) {
            throw error(DRUGS, row.line(), "ATC " + code + " is listed for both " + old.concept().id() + " and "
                    + entry.concept().id());
        }
    }

    private static <V> void putUnique(Map<String, V> map, String key, V value, String table, CsvTable.Row row,
            String what) {
        if (key.isEmpty()) {
            return;
        }
        if (!Text.isDigits(key)) {
            throw error(table, row.line(), what + " '" + key + "' is not numeric");
        }
        if (map.putIfAbsent(key, value) != null) {
            throw error(table, row.line(), what + " " + key + " is listed twice");
        }
    }

    private void addCombination(CsvTable.Row row) {
        String code = row.get("atc");
        if (!Text.isAtcSubstanceShape(code)) {
            throw error(COMBINATIONS, row.line(), "'" + code + "' is not a 7-character ATC code");
        }
        if (atc.containsKey(code)) {
            throw error(COMBINATIONS, row.line(), code + " is also a single-substance code of "
                    + atc.get(code).concept().id());
        }
        List<DrugConcept> ingredients = concepts(split(row.get("ingredients")), row);
        List<DrugConcept> possible = concepts(split(row.get("possible_ingredients")), row);
        if (ingredients.isEmpty() && possible.isEmpty()) {
            throw error(COMBINATIONS, row.line(), code + " has no catalog ingredient");
        }
        if (combinations.put(code, new Combination(code, ingredients, possible, row.get("labels"))) != null) {
            throw error(COMBINATIONS, row.line(), code + " is listed twice");
        }
    }

    private List<DrugConcept> concepts(List<String> ids, CsvTable.Row row) {
        List<DrugConcept> out = new ArrayList<>();
        for (String id : ids) {
            DrugConcept c = concepts.get(id);
            if (c == null) {
                throw error(COMBINATIONS, row.line(), "ingredient '" + id + "' is not in " + DRUGS);
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    private void addProduct(CsvTable.Row row) {
        DrugConcept ingredient = concepts.get(row.get("ingredient"));
        if (ingredient == null) {
            throw error(PRODUCTS, row.line(), "ingredient '" + row.get("ingredient") + "' is not in " + DRUGS);
        }
        String rxcui = row.get("rxcui");
        if (rxIngredients.containsKey(rxcui)) {
            throw error(PRODUCTS, row.line(), "RxCUI " + rxcui + " is also an ingredient code");
        }
        putUnique(products, rxcui, new Product(rxcui, row.get("name"), ingredient, row.get("dose_form")), PRODUCTS,
                row, "RxCUI");
    }

    private TradeNames tradeNames(CsvTable table) {
        Map<String, DrugConcept> byName = new HashMap<>();
        for (DrugConcept c : concepts.values()) {
            for (String name : NameIndex.namesOf(c)) {
                byName.putIfAbsent(Text.normalize(name), c);
            }
        }
        Map<String, TradeNames.Product> products = TradeNames.newMap();
        for (CsvTable.Row row : table.rows()) {
            String name = row.get("name");
            String key = Text.normalize(name);
            if (key.isEmpty()) {
                throw error(TRADE_NAMES, row.line(), "empty name");
            }
            DrugConcept clash = byName.get(key);
            if (clash != null) {
                throw error(TRADE_NAMES, row.line(), "'" + name + "' is already a name of " + clash.id());
            }
            List<DrugConcept> ingredients = new ArrayList<>();
            List<String> others = new ArrayList<>();
            List<String> listed = split(row.get("ingredients"));
            if (listed.isEmpty()) {
                throw error(TRADE_NAMES, row.line(), "'" + name + "' has no ingredient");
            }
            for (String id : listed) {
                DrugConcept c = concepts.get(id);
                if (c != null) {
                    ingredients.add(c);
                } else {
                    others.add(id);
                }
            }
            List<String> routeList = split(row.get("routes"));
            if (routeList.isEmpty()) {
                throw error(TRADE_NAMES, row.line(), "'" + name + "' has no route");
            }
            for (String r : routeList) {
                if (!TradeNames.ROUTES.contains(r)) {
                    throw error(TRADE_NAMES, row.line(), "route '" + r + "' is not one of " + TradeNames.ROUTES);
                }
            }
            boolean local = TradeNames.LOCAL_ROUTES.containsAll(routeList);
            if (products.put(key, new TradeNames.Product(name, List.copyOf(ingredients), List.copyOf(others), local))
                    != null) {
                throw error(TRADE_NAMES, row.line(), "'" + name + "' is listed twice");
            }
        }
        return new TradeNames(products);
    }

    private static RouteClassifier routeClassifier(CsvTable table) {
        Map<String, RouteClassifier.Site> codes = RouteClassifier.newMap();
        Map<String, RouteClassifier.Site> terms = RouteClassifier.newMap();
        for (CsvTable.Row row : table.rows()) {
            RouteClassifier.Site site = RouteClassifier.Site.valueOf(row.get("site").toUpperCase(Locale.ROOT));
            String system = row.get("system");
            if (system.isEmpty()) {
                String term = Text.normalize(row.get("code_or_term"));
                if (term.isEmpty() || term.indexOf(' ') >= 0) {
                    throw error(ROUTES, row.line(), "term must be one word: '" + row.get("code_or_term") + "'");
                }
                if (terms.put(term, site) != null) {
                    throw error(ROUTES, row.line(), "duplicate term '" + term + "'");
                }
            } else if (codes.put(system + "|" + row.get("code_or_term"), site) != null) {
                throw error(ROUTES, row.line(), "duplicate code " + row.get("code_or_term"));
            }
        }
        return new RouteClassifier(codes, terms);
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start <= s.length()) {
            int bar = s.indexOf('|', start);
            int end = bar < 0 ? s.length() : bar;
            String part = s.substring(start, end).strip();
            if (!part.isEmpty()) {
                out.add(part);
            }
            start = end + 1;
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static IllegalStateException error(String table, int line, String message) {
        return new IllegalStateException(table + (line > 0 ? " line " + line : "") + ": " + message);
    }
}
