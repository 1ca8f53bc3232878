package no.pgx.terminology.drug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Norwegian trade names of catalog substances and of common combination products ({@code trade-names.csv}): finds
 * them in order text such as {@code "Marevan 2,5 mg tabletter"} or {@code "Paralgin forte 400 mg/30 mg"} and gives
 * their ingredients. A name matches as a run of whole words; the longest name wins, so {@code Pinex Forte}
 * (paracetamol and codeine) is never read as {@code Pinex} (paracetamol only). Products whose every route is local
 * (a cream, eye drops) say so, for the route classifier.
 *
 * <p>Immutable after construction; thread-safe. Look-ups use only precomputed hash maps.
 */
final class TradeNames {

    /** Routes of the table that deliver a drug locally (skin, eye, ear, vagina); every other route counts as systemic. */
    static final Set<String> LOCAL_ROUTES = Set.of("topical", "cutaneous", "ophthalmic", "otic", "vaginal");

    /** Routes the table may use. */
    static final Set<String> ROUTES = Set.of("oral", "rectal", "iv", "im", "sc", "topical", "cutaneous", "ophthalmic",
            "otic", "vaginal", "oromucosal", "inhalation", "nasal", "transdermal");

    /**
     * One product name.
     *
     * @param name        the name as written in the table
     * @param ingredients catalog substances the product contains
     * @param others      ingredients that are not catalog substances (paracetamol), as written
     * @param local       whether every route of the product is local
     */
    record Product(String name, List<DrugConcept> ingredients, List<String> others, boolean local) {
    }

    /** Products found in one text, longest names first and without overlap, in order of appearance. */
    record Hits(List<Product> products) {
    }

    private final Map<String, Product> byName;
    private final int longest;

    TradeNames(Map<String, Product> byNormalizedName) {
        this.byName = Map.copyOf(byNormalizedName);
        int max = 0;
        for (String key : byName.keySet()) {
            max = Math.max(max, key.split(" ").length);
        }
        this.longest = max;
    }

    /** The product whose normalised name equals {@code normalized}, or null. */
    Product exact(String normalized) {
        return byName.get(normalized);
    }

    /** Every product, keyed by its normalised name (for data checks). */
    Map<String, Product> all() {
        return byName;
    }

    /** Scans free text for trade names. */
    Hits scan(String text) {
        List<String> tokens = Text.tokens(text);
        List<Product> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int n = Math.min(longest, tokens.size() - i); n >= 1 && matched == 0; n--) {
                Product p = byName.get(String.join(" ", tokens.subList(i, i + n)));
                if (p != null) {
                    if (!found.contains(p)) {
                        found.add(p);
                    }
                    matched = n;
                }
            }
            i += Math.max(1, matched);
        }
        return new Hits(List.copyOf(found));
    }

    static Map<String, Product> newMap() {
        return new HashMap<>();
    }
}
