package no.pgx.engine.phenoconversion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.pgx.engine.GeneResult;
import no.pgx.engine.Problem;
import no.pgx.engine.ResultState;

/**
 * Applies one policy rule to one genotype-predicted result and builds the functional result. Stateless apart from the
 * immutable policy; thread-safe.
 */
final class RuleApplier {
    private static final String NORMAL = "Normal Metabolizer";

    /** Either a functional result (possibly equal to the predicted one) or a problem; never both. */
    record Outcome(GeneResult functional, Problem problem) {
    }

    private final Policy policy;

    RuleApplier(Policy policy) {
        this.policy = policy;
    }

    /**
     * @param predicted the genotype-predicted result (tested, with a phenotype)
     * @param rule      the winning rule (its action is not NONE)
     * @param cause     words for the cause, e.g. {@code paroxetine (strong CYP2D6 inhibitor)}
     * @param notes     extra notes for the functional result (e.g. perpetrators that lost)
     */
    Outcome apply(GeneResult predicted, Policy.Rule rule, String cause, List<String> notes) {
        return switch (rule.action()) {
            case SCALE_ACTIVITY_SCORE -> scale(predicted, rule.factor(), cause, notes);
            case SET_PHENOTYPE -> withPhenotype(predicted, rule.target(), cause, notes);
            case SHIFT_CLASS -> shift(predicted, rule.classes(), cause, notes);
            case NONE -> new Outcome(predicted, null);
        };
    }

    private Outcome scale(GeneResult predicted, BigDecimal factor, String cause, List<String> notes) {
        String gene = predicted.gene();
        Optional<ActivityScore> score = ActivityScore.parse(predicted.activityScore())
                .or(() -> ActivityScore.parse(predicted.lookupKey()));
        if (score.isEmpty()) {
            return scaleWithoutScore(predicted, factor, cause, notes);
        }
        ActivityScore scaled = score.get().scale(factor);
        Optional<ScoreBands.Band> band = policy.bands().band(key(gene), scaled.value());
        if (band.isEmpty()) {
            return problem(gene, "activityScore", "activity score " + scaled.format() + " of " + gene
                    + " (from " + score.get().format() + ") lies outside the score bands of the policy", cause);
        }
        String phenotype = band.get().phenotype();
        BigDecimal lookup = policy.bands().lookupScore(key(gene), scaled.value()).orElse(scaled.value());
        List<String> extra = new ArrayList<>(notes);
        if (scaled.lowerBound()) {
            extra.add("The functional activity score " + scaled.format() + " is a lower bound (copy number given as"
                    + " a minimum): the functional phenotype is at least " + phenotype + ".");
        }
        if (lookup.compareTo(scaled.value()) != 0) {
            extra.add("Recommendations are selected with activity score " + ActivityScore.format(lookup)
                    + ", the nearest CPIC value in the same phenotype class.");
        }
        boolean keyedByScore = ActivityScore.parse(predicted.lookupKey()).isPresent();
        String lookupKey = keyedByScore ? ActivityScore.format(lookup) : phenotype;
        return new Outcome(result(predicted, phenotype, scaled.format(), lookupKey, cause, extra), null);
    }

    private Outcome scaleWithoutScore(GeneResult predicted, BigDecimal factor, String cause, List<String> notes) {
        String gene = predicted.gene();
        if (factor.signum() == 0) {
            Optional<ScoreBands.Band> zero = policy.bands().band(key(gene), BigDecimal.ZERO);
            if (zero.isEmpty()) {
                return problem(gene, "activityScore", "no score band holds activity score 0.0 for " + gene, cause);
            }
            String phenotype = zero.get().phenotype();
            return new Outcome(result(predicted, phenotype, "0.0", phenotype, cause, notes), null);
        }
        if (factor.compareTo(BigDecimal.ONE) >= 0) {
            return new Outcome(predicted, null);
        }
        Optional<String> down = policy.ladder().shift(key(gene), predicted.phenotype(), -1);
        if (down.isEmpty()) {
            return problem(gene, "phenotype", "phenotype '" + predicted.phenotype() + "' of " + gene
                    + " has no activity score and no class step in the policy", cause);
        }
        List<String> extra = new ArrayList<>(notes);
        extra.add("No numeric activity score on file: the policy's class step for a partial inhibition was used.");
        return new Outcome(result(predicted, down.get(), null, down.get(), cause, extra), null);
    }

    private Outcome withPhenotype(GeneResult predicted, String target, String cause, List<String> notes) {
        return new Outcome(result(predicted, target, null, target, cause, notes), null);
    }

    private Outcome shift(GeneResult predicted, int classes, String cause, List<String> notes) {
        String gene = predicted.gene();
        Optional<String> shifted = policy.ladder().shift(key(gene), predicted.phenotype(), classes);
        if (shifted.isEmpty()) {
            return problem(gene, "phenotype", "phenotype '" + predicted.phenotype() + "' of " + gene
                    + " is not a class the phenoconversion policy can shift", cause);
        }
        return new Outcome(result(predicted, shifted.get(), null, shifted.get(), cause, notes), null);
    }

    private static GeneResult result(GeneResult predicted, String phenotype, String activityScore, String lookupKey,
                                     String cause, List<String> notes) {
        List<String> warnings = new ArrayList<>(predicted.warnings());
        warnings.add("Functional phenotype " + phenotype + ": phenoconverted by " + cause + "; genotype-predicted "
                + predicted.phenotype() + (predicted.activityScore() == null ? ""
                : " (activity score " + predicted.activityScore() + ")") + ".");
        warnings.addAll(notes);
        ResultState state = NORMAL.equalsIgnoreCase(phenotype) ? ResultState.NORMAL : ResultState.ACTIONABLE;
        return predicted.toBuilder().phenotype(phenotype).activityScore(activityScore).lookupKey(lookupKey).state(state)
                .warnings(warnings).build();
    }

    private static Outcome problem(String gene, String field, String message, String cause) {
        return new Outcome(null, new Problem(gene, field, "Phenoconversion by " + cause + " not applied: " + message
                + "; the genotype-predicted result is used."));
    }

    private static String key(String gene) {
        return gene.toUpperCase(java.util.Locale.ROOT);
    }
}
