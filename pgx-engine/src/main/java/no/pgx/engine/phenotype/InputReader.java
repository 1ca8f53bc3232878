package no.pgx.engine.phenotype;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxException;
import no.pgx.terminology.genetics.CallingMethod;
import no.pgx.terminology.genetics.Gene;
import no.pgx.terminology.genetics.NotationException;

/**
 * Results reported without a diplotype (phenotype only, activity score only, allele status only), and the check of
 * reported values against the called ones. Thread-safe.
 */
final class InputReader {
    private final PhenotypeKnowledge k;
    private final ScoreCaller scores;
    private final HlaCaller hla;

    InputReader(PhenotypeKnowledge knowledge, ScoreCaller scores, HlaCaller hla) {
        this.k = knowledge;
        this.scores = scores;
        this.hla = hla;
    }

    Call fromScore(Gene gene, String text) {
        String field = "activityScore";
        if (gene.method() != CallingMethod.ACTIVITY_SCORE) {
            throw new PgxException(gene.symbol(), field, gene.symbol() + " activity score '" + text.trim() + "': "
                    + gene.symbol() + " has no CPIC activity score; give a diplotype or a phenotype");
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("n/a") || t.equalsIgnoreCase("na")) {
            return new Call(null, ScoreCaller.INDETERMINATE, ScoreCaller.NOT_AVAILABLE, ScoreCaller.NOT_AVAILABLE,
                    k.states.entry(gene.symbol(), ScoreCaller.INDETERMINATE).orElseThrow().state(), List.of());
        }
        boolean atLeast = false;
        for (String prefix : List.of("≥", ">=", "=>")) {
            if (t.startsWith(prefix)) {
                atLeast = true;
                t = t.substring(prefix.length()).trim();
                break;
            }
        }
        BigDecimal value;
        try {
            value = new BigDecimal(t.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw scoreError(gene, text, "not a number");
        }
        if (value.signum() < 0) {
            throw scoreError(gene, text, "an activity score cannot be negative");
        }
        BigDecimal step = gene.scoreStep();
        if (step != null && value.remainder(step).signum() != 0) {
            throw scoreError(gene, text, "not a CPIC " + gene.symbol() + " score (scores come in steps of "
                    + step.toPlainString() + ")");
        }
        BigDecimal max = plausibleMaximum(gene);
        if (max != null && value.compareTo(max) > 0) {
            throw scoreError(gene, text, "implausibly high (at most " + ScoreCaller.format(max, false) + ")");
        }
        return scores.score(gene, null, value, atLeast, List.of(), "activityScore");
    }

    Call fromStatus(Gene gene, String text, String field) {
        if (gene.method() != CallingMethod.ALLELE_STATUS) {
            throw new PgxException(gene.symbol(), field, gene.symbol() + " allele status '" + text.trim()
                    + "': allele status is used for HLA-A and HLA-B only");
        }
        return hla.fromStatus(gene, text, field);
    }

    Call fromPhenotype(Gene gene, String text) {
        if (gene.method() == CallingMethod.ALLELE_STATUS) {
            return hla.fromStatus(gene, text, "phenotype");
        }
        String term;
        try {
            term = k.vocabulary.parse(text, gene.phenotypeKind());
        } catch (NotationException e) {
            throw new PgxException(gene.symbol(), "phenotype", gene.symbol() + " phenotype: " + e.getMessage());
        }
        PhenotypeStates.Entry entry = k.states.entry(gene.symbol(), term).orElseThrow(() -> new PgxException(
                gene.symbol(), "phenotype", gene.symbol() + " phenotype '" + text.trim() + "': '" + term
                        + "' is not a " + gene.symbol() + " phenotype (expected one of: "
                        + String.join(", ", k.states.names(gene.symbol())) + ")"));
        if (gene.method() != CallingMethod.ACTIVITY_SCORE) {
            return new Call(null, term, null, term, entry.state(), List.of());
        }
        if (term.equals(ScoreCaller.INDETERMINATE)) {
            return new Call(null, term, ScoreCaller.NOT_AVAILABLE, ScoreCaller.NOT_AVAILABLE, entry.state(), List.of());
        }
        BigDecimal point = onlyScoreOf(gene, term);
        if (point != null) {
            String s = ScoreCaller.format(point, false);
            return new Call(null, term, s, s, entry.state(), List.of());
        }
        return new Call(null, term, null, term, entry.state(), List.of(gene.symbol() + ": only the phenotype was "
                + "reported; recommendations keyed on the activity score need the score or the diplotype"));
    }

    /** Warnings for reported values that disagree with the call (the call wins). */
    List<String> contradictions(Gene gene, GeneInput in, Call call, boolean fromDiplotype) {
        List<String> warnings = new ArrayList<>();
        String basis = fromDiplotype ? "diplotype" : PhenotypeCaller.blankToNull(in.activityScore()) != null
                ? "activity score" : "allele status";
        String phenotype = PhenotypeCaller.blankToNull(in.phenotype());
        String score = PhenotypeCaller.blankToNull(in.activityScore());
        String status = PhenotypeCaller.blankToNull(in.alleleStatus());
        if (phenotype != null && (fromDiplotype || score != null || status != null)) {
            check(warnings, "phenotype", phenotype, () -> fromPhenotype(gene, phenotype), call, basis);
        }
        if (score != null && fromDiplotype) {
            check(warnings, "activity score", score, () -> fromScore(gene, score), call, basis);
        }
        if (status != null && (fromDiplotype || score != null)) {
            check(warnings, "allele status", status, () -> fromStatus(gene, status, "alleleStatus"), call, basis);
        }
        return warnings;
    }

    private void check(List<String> warnings, String what, String reported, Supplier<Call> read,
                       Call call, String basis) {
        Call given;
        try {
            given = read.get();
        } catch (PgxException e) {
            warnings.add("Reported " + what + " '" + reported.trim() + "' was not understood and is ignored ("
                    + e.getMessage() + ")");
            return;
        }
        boolean byScore = what.equals("activity score");
        if (!agrees(given, call, byScore)) {
            String value = byScore ? given.activityScore() : given.phenotype();
            String called = byScore ? call.activityScore() : call.phenotype();
            warnings.add("Reported " + what + " '" + reported.trim() + "' (" + value + ") differs from the "
                    + what + " called from the " + basis + " (" + called + "); the " + basis + " is used");
        }
    }

    private static boolean agrees(Call given, Call call, boolean byScore) {
        if (given.phenotype().endsWith(" positive") || given.phenotype().endsWith(" negative")) {
            Set<String> items = new HashSet<>(Arrays.asList(call.lookupKey().split(";")));
            return items.containsAll(Arrays.asList(given.lookupKey().split(";")));
        }
        if (byScore) {
            return given.activityScore().equals(call.activityScore());
        }
        return given.phenotype().equals(call.phenotype());
    }

    /**
     * @return the single CPIC score (a multiple of the gene's score step) that gives this phenotype, or null when
     *         several scores do (CYP2D6 Poor Metabolizer is only 0.0; CYP2C9 Normal Metabolizer only 2.0)
     */
    private BigDecimal onlyScoreOf(Gene gene, String phenotype) {
        BigDecimal step = gene.scoreStep();
        if (step == null) {
            return null;
        }
        BigDecimal max = plausibleMaximum(gene);
        BigDecimal found = null;
        for (BigDecimal v = BigDecimal.ZERO; v.compareTo(max) <= 0; v = v.add(step)) {
            if (k.cutoffs.phenotype(gene.symbol(), v).filter(phenotype::equals).isPresent()) {
                if (found != null) {
                    return null;
                }
                found = v;
            }
        }
        return found;
    }

    private BigDecimal plausibleMaximum(Gene gene) {
        BigDecimal max = k.cutoffs.maximum(gene.symbol());
        if (max != null) {
            return max;
        }
        return BigDecimal.valueOf((long) gene.maxCopies() * gene.ploidy());
    }

    private static PgxException scoreError(Gene gene, String text, String problem) {
        return new PgxException(gene.symbol(), "activityScore", gene.symbol() + " activity score '" + text.trim()
                + "': " + problem.toLowerCase(Locale.ROOT).charAt(0) + problem.substring(1));
    }
}
