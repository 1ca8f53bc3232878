package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.List;

import no.pgx.engine.Finding;
import no.pgx.engine.GuidelineRef;

/**
 * The recommendation note of a therapeutic implication, in Bokmål or English, assembled from the finding's own
 * structured facts and texts (written by this project; no guideline prose). Stateless.
 */
final class Notes {
    private Notes() {
    }

    static String recommendation(Finding f, boolean nb) {
        List<String> lines = new ArrayList<>();
        if (f.summary() != null) {
            lines.add(nb ? f.summary().nb() : f.summary().en());
        }
        List<String> facts = new ArrayList<>();
        facts.add((nb ? "Tiltak: " : "Action: ") + f.action().name());
        if (!f.strength().label().isBlank()) {
            facts.add((nb ? "Styrke: " : "Strength: ") + f.strength().label());
        }
        if (f.dosePercent() != null) {
            facts.add(nb ? "Dose: " + f.dosePercent() + " % av standarddosen"
                    : "Dose: " + f.dosePercent() + " % of the standard dose");
        }
        if (!f.alternatives().isEmpty()) {
            facts.add((nb ? "Alternativer: " : "Alternatives: ") + String.join(", ", f.alternatives()));
        }
        if (f.populationLabel() != null) {
            facts.add((nb ? "Gjelder: " : "Population: ") + f.populationLabel().in(nb ? "nb" : "en"));
        }
        lines.add(String.join(" · ", facts));
        lines.add((nb ? "Kilde: " : "Source: ") + source(f));
        if (f.detail() != null) {
            lines.add("");
            lines.add(nb ? f.detail().nb() : f.detail().en());
        }
        return String.join("\n", lines);
    }

    private static String source(Finding f) {
        GuidelineRef g = f.guideline();
        StringBuilder sb = new StringBuilder(f.source().label());
        if (g != null) {
            append(sb, g.title());
            if (g.version() != null && !g.version().isBlank()) {
                sb.append(" (").append(g.version()).append(')');
            }
            append(sb, g.url());
        }
        return sb.toString().trim();
    }

    private static void append(StringBuilder sb, String part) {
        if (part != null && !part.isBlank()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(part);
        }
    }
}
