package no.pgx.terminology.drug;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The PGx drug catalog: every substance the rule base, the phenoconversion tables and the guideline alternatives
 * talk about, with Norwegian and English names, ATC, RxNorm and SNOMED CT codes, and the resolution of order lines
 * (codes, product names, free text) to those substances.
 *
 * <p>A missed match is a missed alert, so resolution is exact and says when it cannot decide: unknown input gives
 * {@link MatchKind#UNRESOLVED} with a message naming the input, and input that may contain substances it does not
 * name for certain lists them in {@link DrugMatch#possibleIngredients()}. No method throws for bad input.
 *
 * <p>Thread-safe and immutable after loading. {@link #loadDefault()} loads the bundled tables once per class loader;
 * resolution uses only precomputed hash maps.
 */
public final class DrugCatalog {

    private static final Object LOCK = new Object();
    private static volatile DrugCatalog defaultCatalog;

    private static final Map<String, String> SYSTEM_ALIASES = Map.of(
            "urn:oid:2.16.840.1.113883.6.73", Coding.ATC,
            "urn:oid:2.16.840.1.113883.6.88", Coding.RXNORM,
            "urn:oid:2.16.840.1.113883.6.96", Coding.SNOMED,
            "http://www.whocc.no/atc/", Coding.ATC);

    private final CatalogTables tables;
    private final NameIndex names;
    private final TradeNames trade;
    private final Map<String, DrugConcept> byNormalizedId = new HashMap<>();

    private DrugCatalog(CatalogTables tables) {
        this.tables = tables;
        this.names = new NameIndex(tables.concepts.values(), tables.saltSuffixes);
        this.trade = tables.tradeNames;
        tables.concepts.values().forEach(c -> byNormalizedId.put(Text.normalize(c.id()), c));
    }

    /**
     * The catalog built from the tables bundled with this library. The first call loads them (a few milliseconds);
     * later calls return the same instance.
     *
     * @return the shared catalog, never {@code null}
     * @throws IllegalStateException when a bundled table is missing or contradicts itself (a packaging error)
     */
    public static DrugCatalog loadDefault() {
        DrugCatalog catalog = defaultCatalog;
        if (catalog == null) {
            synchronized (LOCK) {
                catalog = defaultCatalog;
                if (catalog == null) {
                    catalog = new DrugCatalog(CatalogTables.loadBundled());
                    defaultCatalog = catalog;
                }
            }
        }
        return catalog;
    }

    /**
     * The data version of the bundled drug table.
     *
     * @return its {@code # version:} header value
     */
    public String version() {
        return tables.version;
    }

    /**
     * The concept with this catalog id.
     *
     * @param id catalog id ({@code clopidogrel}), case-, accent- and whitespace-insensitive; names and codes are not
     *           looked up here (see {@link #resolve(String)})
     * @return the concept, or empty for an unknown id or {@code null}
     */
    public Optional<DrugConcept> byId(String id) {
        return Optional.ofNullable(byNormalizedId.get(Text.normalize(id)));
    }

    /**
     * Every concept.
     *
     * @return the concepts in table order; unmodifiable
     */
    public Collection<DrugConcept> all() {
        return List.copyOf(tables.concepts.values());
    }

    /**
     * Resolves one name or code: English or Norwegian name, synonym, Norwegian trade name ({@code Marevan},
     * {@code Paralgin forte}), ATC code (also with spaces, {@code B01A C04}), RxNorm ingredient or clinical-drug CUI,
     * SNOMED CT code; text such as {@code "clopidogrel 75 mg tablet"} or {@code "Marevan 2,5 mg tabletter"} is scanned
     * for drug and trade names.
     *
     * @param nameOrCode the input; {@code null} or blank gives an unresolved match
     * @return never {@code null}
     */
    public DrugMatch resolve(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return DrugMatch.unresolved("", "empty drug name or code: nothing to resolve");
        }
        String query = nameOrCode.strip();
        List<String> notes = new ArrayList<>();
        Found found = byPlainCode("", query, notes);
        if (found == null) {
            found = byText(List.of(query), notes);
        }
        return finish(query, found, notes, List.of(query), List.of(), null);
    }

    /**
     * Resolves a medication given as codings plus text, like a FHIR {@code CodeableConcept}. Codes are tried first,
     * ATC before RxNorm before SNOMED CT before other systems (whose codes are tried as ATC, RxNorm/SNOMED and name);
     * the first code that matches decides. Without a matching code, the coding displays and {@code text} are scanned
     * for drug names. The texts also settle combination codes whose ingredients are uncertain, and substances the
     * texts name beyond the matched code are reported as possible ingredients.
     *
     * @param codings the codings; {@code null} elements and a {@code null} list are ignored
     * @param text    free text of the medication (product name), may be {@code null}
     * @return never {@code null}
     */
    public DrugMatch resolve(List<Coding> codings, String text) {
        return resolve(codings, text, List.of(), null);
    }

    /**
     * As {@link #resolve(List, String)}, and uses the route of administration (FHIR
     * {@code dosageInstruction.route}) together with dose-form words in the texts to mark local forms: see
     * {@link DrugMatch#topical()}.
     *
     * @param codings   the codings; {@code null} elements and a {@code null} list are ignored
     * @param text      free text of the medication (product name), may be {@code null}
     * @param route     route codings (SNOMED CT or EDQM route codes, or display text); may be {@code null}
     * @param routeText route text, e.g. {@code "kutan"} or {@code "Topical"}; may be {@code null}
     * @return never {@code null}
     */
    public DrugMatch resolve(List<Coding> codings, String text, List<Coding> route, String routeText) {
        List<Coding> list = codings == null ? List.of()
                : codings.stream().filter(c -> c != null).toList();
        String query = describe(list, text);
        List<String> texts = new ArrayList<>();
        list.forEach(c -> addText(texts, c.display()));
        addText(texts, text);
        if (query.isEmpty()) {
            return DrugMatch.unresolved("", "empty medication: no code and no text to resolve");
        }
        List<String> notes = new ArrayList<>();
        Found found = null;
        for (Coding c : byPriority(list)) {
            if (c.code() != null && !c.code().isBlank()) {
                found = byCode(c.system(), c.code(), notes);
                if (found != null) {
                    break;
                }
            }
        }
        if (found == null) {
            found = byText(texts, notes);
        } else {
            crossCheckTexts(found, texts, notes);
        }
        return finish(query, found, notes, texts, route == null ? List.of() : route, routeText);
    }

    // ---- codes ----

    private Found byCode(String system, String rawCode, List<String> notes) {
        String sys = canonicalSystem(system);
        String code = Text.compactCode(rawCode);
        switch (sys) {
            case Coding.ATC:
                return byAtc(code, notes);
            case Coding.RXNORM:
                return byRxnorm(code, notes);
            case Coding.SNOMED:
                return bySnomed(code, notes);
            default:
                return byPlainCode(sys, rawCode.strip(), notes);
        }
    }

    private Found byAtc(String code, List<String> notes) {
        CatalogTables.AtcEntry entry = tables.atc.get(code);
        if (entry != null) {
            Found f = new Found(MatchKind.ATC, Coding.ATC, code);
            f.certain.add(entry.concept());
            f.localCode = entry.local();
            if (entry.legacy()) {
                notes.add("ATC " + code + " is a withdrawn code of " + entry.concept().id());
            }
            return f;
        }
        CatalogTables.Combination combination = tables.combinations.get(code);
        if (combination != null) {
            Found f = new Found(MatchKind.ATC_COMBINATION, Coding.ATC, code);
            f.certain.addAll(combination.ingredients());
            f.possible.addAll(combination.possible());
            notes.add("ATC " + code + " is a combination code (" + combination.labels() + ")");
            if (!combination.possible().isEmpty()) {
                notes.add("products under " + code + " may contain " + ids(combination.possible())
                        + ": the product name decides");
            }
            return f;
        }
        if (Text.isAtcSubstanceShape(code)) {
            notes.add("ATC " + code + " is not in the PGx drug catalog");
        } else if (Text.isAtcGroupShape(code)) {
            notes.add("ATC " + code + " is a group code, not a substance");
        } else {
            notes.add("'" + code + "' is not an ATC code");
        }
        return null;
    }

    private Found byRxnorm(String code, List<String> notes) {
        DrugConcept ingredient = tables.rxIngredients.get(code);
        if (ingredient != null) {
            Found f = new Found(MatchKind.RXNORM_INGREDIENT, Coding.RXNORM, code);
            f.certain.add(ingredient);
            return f;
        }
        CatalogTables.Product product = tables.products.get(code);
        if (product != null) {
            Found f = new Found(MatchKind.RXNORM_PRODUCT, Coding.RXNORM, code);
            f.certain.add(product.ingredient());
            f.doseForm = product.name() + " " + product.doseForm();
            return f;
        }
        notes.add("RxNorm " + code + " is not in the catalog's ingredient or product table");
        return null;
    }

    private Found bySnomed(String code, List<String> notes) {
        DrugConcept concept = tables.snomed.get(code);
        if (concept != null) {
            Found f = new Found(MatchKind.SNOMED, Coding.SNOMED, code);
            f.certain.add(concept);
            return f;
        }
        notes.add("SNOMED CT " + code + " is not in the catalog");
        return null;
    }

    /** A code without a known system (or a bare name): ATC shape, then numeric codes, then exact names. */
    private Found byPlainCode(String system, String raw, List<String> notes) {
        String compact = Text.compactCode(raw);
        if (Text.isAtcSubstanceShape(compact) || compact.length() >= 3 && Text.isAtcGroupShape(compact)) {
            return byAtc(compact, notes);
        }
        if (Text.isDigits(compact)) {
            return byNumber(system, compact, notes);
        }
        List<DrugConcept> exact = names.exact(Text.normalize(raw));
        if (exact.isEmpty()) {
            return null;
        }
        Found f = new Found(MatchKind.NAME, system, raw);
        if (exact.size() == 1) {
            f.certain.add(exact.get(0));
        } else {
            f.possible.addAll(exact);
            notes.add("the name '" + raw + "' fits several substances: " + ids(exact));
        }
        return f;
    }

    private Found byNumber(String system, String code, List<String> notes) {
        List<String> ignored = new ArrayList<>();
        List<Found> hits = new ArrayList<>();
        for (Found f : new Found[] {byRxnorm(code, ignored), bySnomed(code, ignored)}) {
            if (f != null) {
                hits.add(f);
            }
        }
        String label = system.isEmpty() ? "code " + code : "code " + code + " of " + system;
        if (hits.isEmpty()) {
            notes.add(label + " is not a known ATC, RxNorm or SNOMED CT code of the catalog");
            return null;
        }
        if (hits.size() == 1 || hits.get(0).certain.equals(hits.get(1).certain)) {
            return hits.get(0);
        }
        Found f = new Found(MatchKind.UNRESOLVED, system, code);
        hits.forEach(h -> f.possible.addAll(h.certain));
        notes.add(label + " is an RxNorm and a SNOMED CT code of different substances; give the code system");
        return f;
    }

    // ---- text ----

    private Found byText(List<String> texts, List<String> notes) {
        Set<DrugConcept> certain = new LinkedHashSet<>();
        Set<DrugConcept> possible = new LinkedHashSet<>();
        List<String> ambiguousNames = new ArrayList<>();
        List<TradeNames.Product> products = new ArrayList<>();
        for (String t : texts) {
            for (TradeNames.Product p : trade.scan(t).products()) {
                if (!products.contains(p)) {
                    products.add(p);
                }
            }
            NameIndex.Hits hits = names.scan(t);
            certain.addAll(hits.found());
            possible.addAll(hits.ambiguous());
            ambiguousNames.addAll(hits.ambiguousNames());
        }
        List<String> productNames = new ArrayList<>();
        boolean byTradeName = false;
        for (TradeNames.Product p : products) {
            productNames.add(p.name());
            for (DrugConcept c : p.ingredients()) {
                byTradeName |= certain.add(c);
            }
            if (!p.others().isEmpty()) {
                notes.add("'" + p.name() + "' also contains " + String.join(", ", p.others())
                        + (p.others().size() == 1 ? ", which is" : ", which are") + " not in the PGx drug catalog");
            }
        }
        possible.removeAll(certain);
        if (certain.isEmpty() && possible.isEmpty()) {
            return null;
        }
        // TEXT when the substance names in the text already say it all; TRADE_NAME when a trade name was needed.
        Found f = byTradeName ? new Found(MatchKind.TRADE_NAME, "", String.join(", ", productNames))
                : new Found(MatchKind.TEXT, "", "");
        f.certain.addAll(certain);
        f.possible.addAll(possible);
        for (TradeNames.Product p : products) {
            if (p.local()) {
                f.localProducts.add(p.name());
            }
        }
        if (!ambiguousNames.isEmpty()) {
            notes.add("the name(s) " + ambiguousNames + " fit several substances");
        }
        return f;
    }

    /** Lets the texts settle uncertain combination ingredients and report substances the code does not cover. */
    private void crossCheckTexts(Found found, List<String> texts, List<String> notes) {
        Set<DrugConcept> named = new LinkedHashSet<>();
        for (String t : texts) {
            named.addAll(names.scan(t).found());
            for (TradeNames.Product p : trade.scan(t).products()) {
                named.addAll(p.ingredients());
                if (p.local() && !found.localProducts.contains(p.name())) {
                    found.localProducts.add(p.name());
                }
            }
        }
        for (DrugConcept p : List.copyOf(found.possible)) {
            if (named.contains(p)) {
                found.possible.remove(p);
                found.certain.add(p);
                notes.add(p.id() + " is named in the product text");
            }
        }
        for (DrugConcept n : named) {
            if (!found.certain.contains(n) && found.possible.add(n)) {
                notes.add("the text also names " + n.id() + ", which " + found.describe() + " does not contain");
            }
        }
    }

    // ---- result ----

    private DrugMatch finish(String query, Found found, List<String> notes, List<String> texts, List<Coding> route,
            String routeText) {
        if (found == null) {
            String why = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
            return DrugMatch.unresolved(query, "no drug in the PGx catalog matches '" + query + "'" + why);
        }
        RouteClassifier.Evidence evidence = new RouteClassifier.Evidence();
        route.forEach(r -> tables.routes.collect(r, evidence));
        tables.routes.collect(routeText, evidence);
        texts.forEach(t -> tables.routes.collect(t, evidence));
        tables.routes.collect(found.doseForm, evidence);
        if (found.localCode) {
            evidence.add(RouteClassifier.Site.LOCAL, "ATC " + found.code + " is a local-form code");
        }
        for (String product : found.localProducts) {
            evidence.add(RouteClassifier.Site.LOCAL, "trade name " + product + " is a local product");
        }
        boolean topical = evidence.topical();
        if (topical) {
            notes.add("local form: " + String.join(", ", evidence.reasons()));
        } else if (!evidence.reasons().isEmpty() && evidence.reasons().stream().anyMatch(r -> r.endsWith("(local)"))) {
            notes.add("local and systemic signs (" + String.join(", ", evidence.reasons()) + "): treated as systemic");
        }
        found.possible.removeAll(found.certain);
        return new DrugMatch(query, List.copyOf(found.certain), List.copyOf(found.possible), found.kind, found.system,
                found.code, topical, String.join("; ", notes));
    }

    private static List<Coding> byPriority(List<Coding> codings) {
        List<Coding> sorted = new ArrayList<>(codings);
        sorted.sort(Comparator.comparingInt(c -> priority(canonicalSystem(c.system()))));
        return sorted;
    }

    private static int priority(String system) {
        switch (system) {
            case Coding.ATC:
                return 0;
            case Coding.RXNORM:
                return 1;
            case Coding.SNOMED:
                return 2;
            default:
                return 3;
        }
    }

    private static String canonicalSystem(String system) {
        if (system == null) {
            return "";
        }
        String s = system.strip();
        String alias = SYSTEM_ALIASES.get(s.toLowerCase(Locale.ROOT));
        if (alias != null) {
            return alias;
        }
        for (String known : new String[] {Coding.ATC, Coding.RXNORM, Coding.SNOMED}) {
            if (known.equalsIgnoreCase(s)) {
                return known;
            }
        }
        return s;
    }

    private static String describe(List<Coding> codings, String text) {
        List<String> parts = new ArrayList<>();
        for (Coding c : codings) {
            StringBuilder part = new StringBuilder();
            if (c.code() != null && !c.code().isBlank()) {
                part.append(shortSystem(canonicalSystem(c.system()))).append(' ').append(c.code().strip());
            }
            if (c.display() != null && !c.display().isBlank()) {
                part.append(part.length() > 0 ? " " : "").append('\'').append(c.display().strip()).append('\'');
            }
            if (part.length() > 0) {
                parts.add(part.toString());
            }
        }
        if (text != null && !text.isBlank()) {
            parts.add("text '" + text.strip() + "'");
        }
        return String.join("; ", parts);
    }

    private static String shortSystem(String system) {
        switch (system) {
            case Coding.ATC:
                return "ATC";
            case Coding.RXNORM:
                return "RxNorm";
            case Coding.SNOMED:
                return "SNOMED CT";
            case "":
                return "code";
            default:
                return system;
        }
    }

    private static void addText(List<String> texts, String t) {
        if (t != null && !t.isBlank()) {
            texts.add(t.strip());
        }
    }

    private static String ids(Collection<DrugConcept> concepts) {
        return String.join(", ", concepts.stream().map(DrugConcept::id).toList());
    }

    /** Mutable working state of one resolution; confined to the calling thread. */
    private static final class Found {
        final MatchKind kind;
        final String system;
        final String code;
        final Set<DrugConcept> certain = new LinkedHashSet<>();
        final Set<DrugConcept> possible = new LinkedHashSet<>();
        boolean localCode;
        String doseForm = "";
        final List<String> localProducts = new ArrayList<>();

        Found(MatchKind kind, String system, String code) {
            this.kind = kind;
            this.system = system;
            this.code = code;
        }

        String describe() {
            return code.isEmpty() ? "the match" : shortSystem(system) + " " + code;
        }
    }
}
