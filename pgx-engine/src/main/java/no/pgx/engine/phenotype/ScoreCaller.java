package no.pgx.engine.phenotype;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import no.pgx.engine.PgxException;
import no.pgx.terminology.genetics.Allele;
import no.pgx.terminology.genetics.Gene;

/**
 * Activity-score genes (CYP2D6, CYP2C9, DPYD): sums CPIC allele activity values and maps the score through the CPIC
 * cut-offs. Stateless apart from the knowledge; thread-safe.
 *
 * <p>Rules (Caudle 2020 CYP2D6 consensus; CPIC CYP2C9 2020; CPIC DPYD 2017/2018): copies multiply ({@code *1x2} = 2),
 * {@code x≥3} is a lower bound kept as {@code ≥}, tandems and hybrids add their parts ({@code *36+*10} = 0.25), any
 * allele of uncertain/unknown function gives {@code Indeterminate} with score {@code n/a}; DPYD adds the two
 * lowest-function variants found (CPIC DPYD: when several variants are found and phase is unknown, assume they are on
 * different chromosomes).
 */
final class ScoreCaller {
    static final String NOT_AVAILABLE = "n/a";
    static final String XN_KEY = "xN combinations";
    static final String INDETERMINATE = "Indeterminate";

    private final PhenotypeKnowledge k;

    ScoreCaller(PhenotypeKnowledge knowledge) {
        this.k = knowledge;
    }

    Call call(Gene gene, AlleleResolver.Resolved r) {
        String diplotype = r.canonical().normalized();
        List<String> warnings = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (AlleleResolver.Part p : r.allParts()) {
            if (p.info().value() == null) {
                unknown.add(p.info().name() + " (" + p.info().function().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        if (!unknown.isEmpty()) {
            warnings.add(gene.symbol() + ": " + String.join(", ", unknown) + " has no CPIC activity value, so no score "
                    + "and no phenotype can be assigned (Indeterminate)");
            return indeterminate(gene, diplotype, NOT_AVAILABLE, warnings);
        }
        if (gene.symbol().equals("DPYD")) {
            return dpyd(gene, r, diplotype, warnings);
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal unstatedCopy = BigDecimal.ZERO;
        boolean atLeast = false;
        for (AlleleResolver.Part p : r.allParts()) {
            BigDecimal value = p.info().value();
            sum = sum.add(value.multiply(BigDecimal.valueOf(p.allele().copies())));
            boolean positive = value.signum() > 0;
            if (positive && p.allele().copyNumber() != Allele.CopyNumber.EXACT) {
                atLeast = true;
            }
            if (positive && p.allele().copyNumber() == Allele.CopyNumber.UNSPECIFIED) {
                unstatedCopy = unstatedCopy.add(value);
            }
        }
        if (unstatedCopy.signum() > 0) {
            String two = phenotype(gene, sum, diplotype);
            String three = phenotype(gene, sum.add(unstatedCopy), diplotype);
            if (!two.equals(three)) {
                // CPIC: "xN is not a valid input" when the copy number changes the phenotype; its own lookup key.
                warnings.add(gene.symbol() + " " + diplotype + ": copy number not stated (xN); two copies give "
                        + format(sum, false) + " (" + two + "), three or more give " + format(sum.add(unstatedCopy), true)
                        + " (" + three + "). Ask the laboratory for the copy number");
                return indeterminate(gene, diplotype, XN_KEY, warnings);
            }
        }
        return score(gene, diplotype, sum, atLeast, warnings, "diplotype");
    }

    private Call dpyd(Gene gene, AlleleResolver.Resolved r, String diplotype, List<String> warnings) {
        List<AlleleResolver.Part> parts = new ArrayList<>(r.allParts());
        if (parts.size() > 2) {
            parts.sort(Comparator.comparing(p -> p.info().value()));
            warnings.add("DPYD " + diplotype + ": " + r.allParts().size() + " variants listed; the score uses the two "
                    + "lowest-function variants (" + parts.get(0).info().name() + ", " + parts.get(1).info().name()
                    + "), assuming they lie on different chromosomes (CPIC DPYD). If phase is known to be cis, the "
                    + "score may be higher");
            parts = parts.subList(0, 2);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (AlleleResolver.Part p : parts) {
            sum = sum.add(p.info().value());
        }
        return score(gene, diplotype, sum, false, warnings, "diplotype");
    }

    /**
     * Maps a score through the cut-offs.
     *
     * @param field input field named in the error when the score is outside the CPIC range
     */
    Call score(Gene gene, String diplotype, BigDecimal value, boolean atLeast, List<String> warnings, String field) {
        Objects.requireNonNull(value, "value");
        String phenotype = k.cutoffs.phenotype(gene.symbol(), value).orElseThrow(() -> new PgxException(gene.symbol(),
                field, gene.symbol() + " " + field + ": activity score " + format(value, atLeast)
                        + " is outside the CPIC range of " + gene.symbol()));
        List<String> w = new ArrayList<>(warnings);
        if (atLeast && !k.cutoffs.isOpenTop(gene.symbol(), phenotype)) {
            w.add(gene.symbol() + ": the activity score " + format(value, true) + " is a lower bound (copy number "
                    + "\"at least\"); the phenotype is called from the lower bound and more copies could raise it");
        }
        String formatted = format(value, atLeast);
        return new Call(diplotype, phenotype, formatted, formatted, k.states.entry(gene.symbol(), phenotype)
                .orElseThrow().state(), w);
    }

    private Call indeterminate(Gene gene, String diplotype, String key, List<String> warnings) {
        return new Call(diplotype, INDETERMINATE, NOT_AVAILABLE, key,
                k.states.entry(gene.symbol(), INDETERMINATE).orElseThrow().state(), warnings);
    }

    private String phenotype(Gene gene, BigDecimal value, String diplotype) {
        return k.cutoffs.phenotype(gene.symbol(), value).orElseThrow(() -> new PgxException(gene.symbol(), "diplotype",
                gene.symbol() + " diplotype '" + diplotype + "': activity score " + format(value, false)
                        + " is outside the CPIC range"));
    }

    /** CPIC spelling of a score: at least one decimal ({@code 1.0}, {@code 1.25}), {@code ≥} for lower bounds. */
    static String format(BigDecimal value, boolean atLeast) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 1) {
            v = v.setScale(1);
        }
        return (atLeast ? "≥" : "") + v.toPlainString();
    }
}
