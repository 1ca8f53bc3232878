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

    /**
     * What a result's rule facts are made of: everything but its test date, lab and warnings, which never enter its
     * facts (so results differing only in those share them). {@code functions}: whether the allele-function pair is
     * needed (some drug's rows are keyed on it).
     */
    record Input(String gene, String lookupKey, String phenotype, String diplotype, ResultState state,
                 boolean functions) {
        static Input of(GeneResult r, boolean functions) {
            return new Input(r.gene(), r.lookupKey(), r.phenotype(), r.diplotype(), r.state(), functions);
        }
    }

    /** @return the facts for one result; empty for a gene without a result or unknown to the rule base */
    List<GeneFact> facts(GeneResult r, boolean functionsNeeded) {
        return facts(Input.of(r, functionsNeeded));
    }

    /** @return the facts for one result's input; empty for a gene without a result or unknown to the rule base */
    List<GeneFact> facts(Input in) {
        String gene = in.gene();
        String lookupKey = in.lookupKey();
        String phenotype = in.phenotype();
        String diplotype = in.diplotype();
        if (in.state() == ResultState.NOT_TESTED || lookupKey == null) {
            return List.of();
        }
        String kind = knowledge.kind(gene);
        if ("allele-status".equals(kind)) {
            return alleleFacts(gene, lookupKey, diplotype);
        }
        GeneState state = state(in.state());
        String pair = in.functions() ? functions.pair(gene, diplotype) : null;
        if ("activity-score".equals(kind) && knowledge.key(gene, lookupKey) == null) {
            List<Knowledge.KeyInfo> scores = knowledge.keysOfPhenotype(gene, phenotype);
            if (!scores.isEmpty()) {
                List<GeneFact> out = new ArrayList<>(scores.size());
                for (Knowledge.KeyInfo k : scores) {
                    out.add(new GeneFact(gene, null, k.key(), phenotype, diplotype, pair,
                            GeneState.valueOf(k.state()), phenotype));
                }
                return out;
            }
        }
        return List.of(new GeneFact(gene, null, lookupKey, phenotype, diplotype, pair, state, null));
    }

    private static List<GeneFact> alleleFacts(String gene, String lookupKey, String diplotype) {
        List<GeneFact> out = new ArrayList<>();
        for (String part : lookupKey.split("[;,]")) {
            String status = part.trim();
            int sp = status.lastIndexOf(' ');
            if (sp <= 0) {
                continue;
            }
            String allele = status.substring(0, sp).trim();
            String value = status.substring(sp + 1).trim();
            GeneState state = value.equals("positive") ? GeneState.ACTIONABLE
                    : value.equals("negative") ? GeneState.NORMAL : GeneState.INDETERMINATE;
            out.add(new GeneFact(gene, allele, allele + " " + value, allele + " " + value, diplotype, null,
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
