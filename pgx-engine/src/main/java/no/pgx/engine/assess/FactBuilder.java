package no.pgx.engine.assess;

import java.util.ArrayList;
import java.util.List;

import no.pgx.engine.GeneResult;
import no.pgx.engine.ResultState;
import no.pgx.rules.model.GeneFact;
import no.pgx.rules.model.GeneState;

/**
 * Turns interpreted gene results into the facts the rules match. Stateless; thread-safe.
 *
 * <ul>
 *   <li>A gene without a result ({@link ResultState#NOT_TESTED}) gives no fact: the tables' {@code No Result}.</li>
 *   <li>HLA allele-status keys ({@code *57:01 positive;*58:01 negative}) give one fact per risk allele, so a result
 *   that is silent about an allele is {@code No Result} for the drugs keyed on it.</li>
 *   <li>An activity-score gene reported as a phenotype only (lookup key not a score) gives one fact per score of that
 *   phenotype in the vocabulary, each marked {@code expandedFrom}; the precedence rules collapse rows with the same
 *   advice and keep rows with different advice, each labelled with its score (never silently dropped).</li>
 * </ul>
 */
final class FactBuilder {
    private final Knowledge knowledge;
    private final AlleleFunctions functions;

    FactBuilder(Knowledge knowledge, AlleleFunctions functions) {
        this.knowledge = knowledge;
        this.functions = functions;
    }

    /** @return the facts for one result; empty for a gene without a result or unknown to the rule base */
    List<GeneFact> facts(GeneResult r, boolean functionsNeeded) {
        if (r.state() == ResultState.NOT_TESTED || r.lookupKey() == null) {
            return List.of();
        }
        String kind = knowledge.kind(r.gene());
        if ("allele-status".equals(kind)) {
            return alleleFacts(r);
        }
        GeneState state = state(r.state());
        String pair = functionsNeeded ? functions.pair(r.gene(), r.diplotype()) : null;
        if ("activity-score".equals(kind) && knowledge.key(r.gene(), r.lookupKey()) == null) {
            List<Knowledge.KeyInfo> scores = knowledge.keysOfPhenotype(r.gene(), r.phenotype());
            if (!scores.isEmpty()) {
                List<GeneFact> out = new ArrayList<>(scores.size());
                for (Knowledge.KeyInfo k : scores) {
                    out.add(new GeneFact(r.gene(), null, k.key(), r.phenotype(), r.diplotype(), pair,
                            GeneState.valueOf(k.state()), r.phenotype()));
                }
                return out;
            }
        }
        return List.of(new GeneFact(r.gene(), null, r.lookupKey(), r.phenotype(), r.diplotype(), pair, state, null));
    }

    private List<GeneFact> alleleFacts(GeneResult r) {
        List<GeneFact> out = new ArrayList<>();
        for (String part : r.lookupKey().split("[;,]")) {
            String status = part.trim();
            int sp = status.lastIndexOf(' ');
            if (sp <= 0) {
                continue;
            }
            String allele = status.substring(0, sp).trim();
            String value = status.substring(sp + 1).trim();
            GeneState state = value.equals("positive") ? GeneState.ACTIONABLE
                    : value.equals("negative") ? GeneState.NORMAL : GeneState.INDETERMINATE;
            out.add(new GeneFact(r.gene(), allele, allele + " " + value, allele + " " + value, r.diplotype(), null,
                    state, null));
        }
        return out;
    }

    static GeneState state(ResultState s) {
        return switch (s) {
            case NORMAL -> GeneState.NORMAL;
            case INDETERMINATE -> GeneState.INDETERMINATE;
            default -> GeneState.ACTIONABLE;
        };
    }
}
