package no.pgx.terminology.drug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides from route codes, route text and dose-form words whether an order is for a local form (cream, eye drops,
 * vaginal, …) with low systemic exposure. docs/clinical-rules.md: no DPYD pre-test card for topical fluorouracil, so the
 * distinction must be data, not guesswork. Any sign of a systemic route or dose form (oral, tablet, injection,
 * transdermal, …) wins over a local one, because calling a systemic order topical would hide an alert.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class RouteClassifier {

    /** Where a route, dose form or code delivers the drug. */
    enum Site { LOCAL, SYSTEMIC }

    /** Evidence collected for one order; not thread-safe, one per call. */
    static final class Evidence {
        private boolean local;
        private boolean systemic;
        private final List<String> reasons = new ArrayList<>();

        void add(Site site, String reason) {
            if (site == Site.LOCAL) {
                local = true;
            } else {
                systemic = true;
            }
            reasons.add(reason + " (" + site.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }

        /** Local evidence and no systemic evidence. */
        boolean topical() {
            return local && !systemic;
        }

        List<String> reasons() {
            return reasons;
        }
    }

    private final Map<String, Site> codes;
    private final Map<String, Site> terms;

    /**
     * @param codes keys {@code system|code} (system URI as given in the table)
     * @param terms normalised single words
     */
    RouteClassifier(Map<String, Site> codes, Map<String, Site> terms) {
        this.codes = Map.copyOf(codes);
        this.terms = Map.copyOf(terms);
    }

    /** Adds the evidence of a route coding: its code when known, else the words of its display. */
    void collect(Coding route, Evidence evidence) {
        if (route == null) {
            return;
        }
        String code = route.code() == null ? "" : route.code().strip();
        Site site = codes.get((route.system() == null ? "" : route.system().strip()) + "|" + code);
        if (site != null) {
            evidence.add(site, "route code " + code);
            return;
        }
        collect(route.display(), evidence);
    }

    /** Adds the evidence of route or dose-form words in free text. */
    void collect(String text, Evidence evidence) {
        for (String token : Text.tokens(text)) {
            Site site = terms.get(token);
            if (site != null) {
                evidence.add(site, "'" + token + "'");
            }
        }
    }

    static Map<String, Site> newMap() {
        return new HashMap<>();
    }
}
