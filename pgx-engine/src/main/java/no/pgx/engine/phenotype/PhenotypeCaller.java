package no.pgx.engine.phenotype;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxException;
import no.pgx.engine.Provenance;
import no.pgx.engine.ResultState;
import no.pgx.terminology.genetics.CallingMethod;
import no.pgx.terminology.genetics.Gene;
import no.pgx.terminology.genetics.NotationException;

/**
 * Internal (used by {@link no.pgx.engine.PgxEngine} and the phenoconversion step): calls CPIC phenotypes from gene
 * inputs. Not part of the public API. Immutable and thread-safe; pure calls are cached (Caffeine, bounded).
 *
 * <p>What it computes (never a diplotype → phenotype lookup table):
 * <ul>
 *   <li>activity-score genes (CYP2D6, CYP2C9, DPYD): the sum of CPIC allele activity values, mapped through the CPIC
 *   cut-offs ({@code activity_score_cutoffs.csv}); see {@link ScoreCaller} for copy numbers, hybrids and DPYD;</li>
 *   <li>function-combination genes (CYP2C19, TPMT, NUDT15, SLCO1B1, UGT1A1, CYP3A5, CYP2B6, NAT2, CYP3A4, ABCG2,
 *   CACNA1S, IFNL3), genotype genes (VKORC1, CYP4F2) and MT-RNR1: the phenotype of the pair of allele function labels
 *   ({@code function_phenotype.csv});</li>
 *   <li>HLA-A / HLA-B: allele status, positive when at least one copy.</li>
 * </ul>
 *
 * <p>{@link GeneResult} fields: {@code phenotype} is the CPIC term; {@code activityScore} is {@code 1.25}, {@code ≥3.0}
 * or {@code n/a} for activity-score genes (null otherwise, and null when only a non-unique phenotype was reported);
 * {@code lookupKey} is the score for activity-score genes ({@code n/a} when Indeterminate, {@code xN combinations} when
 * an unstated CYP2D6 copy number decides the phenotype, the phenotype term when only a phenotype was reported and no
 * single score matches it), the phenotype otherwise, and for HLA the allele-status list in the exact format
 * <pre>{@code *57:01 positive;*58:01 negative;*15:02 negative}</pre> (HLA-B; HLA-A: {@code *31:01 positive}): each
 * risk allele of {@code hla_risk_alleles.csv} in table order, {@code <allele> positive|negative}, joined by {@code ;}
 * without spaces. From a diplotype every risk allele is listed; from a reported status only the alleles reported. The
 * HLA {@code phenotype} equals that key.
 *
 * <p>Precedence: diplotype, then activity score, then allele status, then phenotype. A reported phenotype (or score or
 * status) that contradicts the one called from the diplotype gives a warning; the diplotype wins. Bad input gives a
 * {@link PgxException} naming gene, field and token; no other exception type escapes {@link #call(GeneInput)}.
 */
public final class PhenotypeCaller {
    /** Default maximum number of cached calls. */
    public static final long DEFAULT_CACHE_SIZE = 10_000;

    private final PhenotypeKnowledge k;
    private final ScoreCaller scores;
    private final FunctionCaller functions;
    private final HlaCaller hla;
    private final InputReader inputs;
    private final Cache<CallKey, GeneResult> cache;

    private PhenotypeCaller(PhenotypeKnowledge knowledge, long cacheSize) {
        this.k = knowledge;
        this.scores = new ScoreCaller(knowledge);
        this.functions = new FunctionCaller(knowledge);
        this.hla = new HlaCaller(knowledge);
        this.inputs = new InputReader(knowledge, scores, hla);
        this.cache = cacheSize <= 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /**
     * @return a caller over the bundled knowledge with the default cache size
     * @throws PgxException when the bundled knowledge cannot be loaded
     */
    public static PhenotypeCaller loadDefault() {
        return load(DEFAULT_CACHE_SIZE);
    }

    /**
     * @param cacheSize maximum number of cached calls; 0 turns caching off
     * @return a caller over the bundled knowledge
     * @throws PgxException when the bundled knowledge cannot be loaded
     */
    public static PhenotypeCaller load(long cacheSize) {
        return new PhenotypeCaller(PhenotypeKnowledge.loadDefault(), cacheSize);
    }

    /**
     * Interprets one gene result.
     *
     * @param input the result as reported; not null
     * @return the interpreted result, never null
     * @throws PgxException for input that cannot be interpreted; gene, field and message name the problem
     */
    public GeneResult call(GeneInput input) {
        Objects.requireNonNull(input, "input");
        if (cache == null) {
            return compute(input);
        }
        CallKey key = CallKey.of(input);
        GeneResult result = cache.getIfPresent(key);
        if (result == null) {
            result = compute(input);
            cache.put(key, result);
        }
        return result.provenance().equals(input.provenance()) ? result : withProvenance(result, input.provenance());
    }

    /**
     * Maps an activity score through the CPIC cut-offs: for phenoconversion (e.g. CYP2D6 score × 0.5 for a moderate
     * inhibitor, then re-mapped). The score need not be a CPIC table value ({@code 0.625} is Intermediate); the
     * returned {@code activityScore} and {@code lookupKey} are its plain spelling ({@code 0.625}).
     *
     * @param gene  an activity-score gene (CYP2D6, CYP2C9, DPYD)
     * @param score the score, not negative
     * @return a result with phenotype, score, lookup key and state; no diplotype; provenance unknown
     * @throws PgxException for another gene, a negative score or a score outside the CPIC range
     */
    public GeneResult callActivityScore(String gene, BigDecimal score) {
        return callActivityScore(gene, score, false);
    }

    /**
     * As {@link #callActivityScore(String, BigDecimal)}, for a score that is a lower bound ({@code ≥3.0}) when
     * {@code atLeast} is true.
     *
     * @param gene    an activity-score gene (CYP2D6, CYP2C9, DPYD), symbol as written
     * @param score   the score, not negative; not null
     * @param atLeast true when the score is a lower bound
     * @return a result with phenotype, score, lookup key and state; no diplotype; provenance unknown
     * @throws PgxException for an unknown gene, another gene than an activity-score gene, a null or negative score, or
     *                      a score outside the CPIC range
     */
    public GeneResult callActivityScore(String gene, BigDecimal score, boolean atLeast) {
        Gene g = notation(() -> k.genes.require(gene));
        if (g.method() != CallingMethod.ACTIVITY_SCORE) {
            throw new PgxException(g.symbol(), "activityScore", g.symbol() + " is not an activity-score gene");
        }
        if (score == null || score.signum() < 0) {
            throw new PgxException(g.symbol(), "activityScore", g.symbol() + ": activity score must be a number >= 0, got "
                    + score);
        }
        Call c = scores.score(g, null, score, atLeast, List.of(), "activityScore");
        return GeneResult.builder().gene(g.symbol()).phenotype(c.phenotype()).activityScore(c.activityScore())
                .lookupKey(c.lookupKey()).state(c.state()).warnings(c.warnings()).provenance(Provenance.UNKNOWN).build();
    }

    /**
     * Moves a function-combination gene's phenotype by whole classes along
     * Poor &lt; Intermediate &lt; Normal &lt; Rapid &lt; Ultrarapid (Poor &lt; Decreased &lt; Normal &lt; Increased Function
     * for transporters), clamped at both ends: for phenoconversion (CYP2C19 moderate inhibitor one class down, strong
     * inducer one class up; a large negative number gives the lowest class). "Likely"/"Possible" qualifiers are kept
     * when the target class has such a term for the gene. Classes missing for a gene are skipped (ranks in
     * {@code phenotype_state.csv}).
     *
     * @param result  a genotype-predicted result of a function-combination gene; NOT_TESTED and INDETERMINATE results
     *                are returned unchanged
     * @param classes classes to move; negative = lower activity
     * @return the shifted result (same diplotype and provenance; phenotype, lookup key and state updated)
     * @throws PgxException for an activity-score gene (use {@link #callActivityScore}) or a phenotype without a class
     */
    public GeneResult shiftPhenotype(GeneResult result, int classes) {
        Objects.requireNonNull(result, "result");
        if (result.state() == ResultState.NOT_TESTED || result.state() == ResultState.INDETERMINATE || classes == 0) {
            return result;
        }
        Gene g = notation(() -> k.genes.require(result.gene()));
        if (g.method() != CallingMethod.FUNCTION_COMBINATION) {
            throw new PgxException(g.symbol(), "phenotype", g.symbol() + ": class shifts are defined for "
                    + "function-combination genes; use callActivityScore for activity-score genes");
        }
        String target = PhenotypeShift.shift(k.states, g.symbol(), result.phenotype(), classes);
        ResultState state = k.states.entry(g.symbol(), target).orElseThrow().state();
        return result.toBuilder().phenotype(target).lookupKey(target).state(state).build();
    }

    private GeneResult compute(GeneInput in) {
        Gene gene = notation(() -> k.genes.require(in.gene()));
        String diplotype = blankToNull(in.diplotype());
        Call call;
        if (diplotype != null) {
            call = fromDiplotype(gene, diplotype);
        } else if (blankToNull(in.activityScore()) != null) {
            call = inputs.fromScore(gene, in.activityScore());
        } else if (blankToNull(in.alleleStatus()) != null) {
            call = inputs.fromStatus(gene, in.alleleStatus(), "alleleStatus");
        } else if (blankToNull(in.phenotype()) != null) {
            call = inputs.fromPhenotype(gene, in.phenotype());
        } else if (in.diplotype() != null) {
            throw new PgxException(gene.symbol(), "diplotype", gene.symbol() + " diplotype is empty");
        } else {
            throw new PgxException(gene.symbol(), null, gene.symbol() + ": no diplotype, phenotype, activity score or "
                    + "allele status given");
        }
        List<String> warnings = new ArrayList<>(call.warnings());
        warnings.addAll(inputs.contradictions(gene, in, call, diplotype != null));
        String narrow = narrowPanelNote(gene, call, in.provenance());
        if (narrow != null) {
            warnings.add(narrow);
        }
        return GeneResult.builder().gene(gene.symbol()).diplotypeAsWritten(in.diplotype()).diplotype(call.diplotype())
                .phenotype(call.phenotype()).activityScore(call.activityScore()).lookupKey(call.lookupKey())
                .state(call.state()).warnings(warnings).provenance(in.provenance()).build();
    }

    private Call fromDiplotype(Gene gene, String text) {
        switch (gene.method()) {
            case ALLELE_STATUS:
                return hla.fromDiplotype(gene, text);
            case PHENOTYPE_ONLY:
                if (k.variantResponse.covers(gene)) {
                    return k.variantResponse.call(gene, text);
                }
                throw new PgxException(gene.symbol(), "diplotype", gene.symbol() + " diplotype '" + text.trim()
                        + "': calling " + gene.symbol() + " from a diplotype is not supported (no CPIC allele table is "
                        + "bundled); report the phenotype instead");
            default:
                break;
        }
        var parsed = notation(() -> k.parser.parse(gene, text));
        var resolved = AlleleResolver.resolve(gene, parsed, k.alleles(gene.symbol()));
        Call call = gene.method() == CallingMethod.ACTIVITY_SCORE ? scores.call(gene, resolved)
                : functions.call(gene, resolved);
        if (resolved.notes().isEmpty()) {
            return call;
        }
        List<String> warnings = new ArrayList<>(resolved.notes());
        warnings.addAll(call.warnings());
        return new Call(call.diplotype(), call.phenotype(), call.activityScore(), call.lookupKey(), call.state(),
                warnings);
    }

    /**
     * docs/clinical-rules.md: a *1 from a narrow panel means "none of the tested variants found"; keep the tested list with it.
     */
    private static String narrowPanelNote(Gene gene, Call call, Provenance provenance) {
        String ref = gene.referenceAllele();
        if (ref == null || call.diplotype() == null || provenance.testedVariants().isEmpty()) {
            return null;
        }
        for (String h : call.diplotype().split("/")) {
            if (h.equals(ref)) {
                return gene.symbol() + ": '" + ref + "' means that none of the tested variants was found (tested: "
                        + String.join(", ", new TreeSet<>(provenance.testedVariants()))
                        + "); variants outside the panel are not excluded";
            }
        }
        return null;
    }

    private static GeneResult withProvenance(GeneResult r, Provenance p) {
        return r.toBuilder().provenance(p).build();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Runs terminology parsing and converts its exception to the engine's. */
    static <T> T notation(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (NotationException e) {
            throw new PgxException(e.gene(), e.field(), e.getMessage());
        }
    }

    /** Cache key: the input as given (gene symbol upper-cased), tested variants included (they change warnings). */
    private record CallKey(String gene, String diplotype, String phenotype, String activityScore, String alleleStatus,
                           List<String> testedVariants) {
        static CallKey of(GeneInput in) {
            return new CallKey(in.gene().trim().toUpperCase(Locale.ROOT), in.diplotype(), in.phenotype(),
                    in.activityScore(), in.alleleStatus(), in.provenance().testedVariants());
        }
    }
}
