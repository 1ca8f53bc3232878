package no.pgx.terminology.genetics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A parsed diplotype (two haplotypes; one for the mitochondrial MT-RNR1). Immutable.
 *
 * @param gene       normalised gene symbol
 * @param asWritten  the text as the lab wrote it
 * @param haplotypes the haplotypes in the order written
 */
public record Diplotype(String gene, String asWritten, List<Haplotype> haplotypes) {
    /**
     * Checks the gene and keeps an unmodifiable copy of the haplotypes.
     *
     * @param gene       normalised gene symbol; not null
     * @param asWritten  the text as the lab wrote it
     * @param haplotypes the haplotypes in the order written; not null, no null element
     * @throws NullPointerException when {@code gene} or {@code haplotypes} is null or a haplotype is null
     */
    public Diplotype {
        Objects.requireNonNull(gene, "gene");
        haplotypes = List.copyOf(haplotypes);
    }

    /**
     * The normalised spelling used for lookup and display: canonical allele spellings, haplotypes in canonical order
     * ({@link AlleleOrder}), joined by {@code /}; e.g. {@code *4/*1x2} → {@code *1x2/*4}.
     *
     * @return the normalised diplotype text, also returned by {@link #toString()}
     */
    public String normalized() {
        List<String> names = new ArrayList<>(haplotypes.size());
        for (Haplotype h : haplotypes) {
            names.add(h.toString());
        }
        names.sort(AlleleOrder.INSTANCE);
        return String.join("/", names);
    }

    /** @return every allele of both haplotypes */
    public List<Allele> alleles() {
        List<Allele> all = new ArrayList<>();
        haplotypes.forEach(h -> all.addAll(h.parts()));
        return all;
    }

    /**
     * @param rename maps an allele name to the name to use; must not return null
     * @return the same diplotype with every allele name mapped (e.g. aliases resolved to canonical names); gene, text
     *         as written and copy numbers are kept
     */
    public Diplotype withNames(UnaryOperator<String> rename) {
        return new Diplotype(gene, asWritten, haplotypes.stream().map(h -> h.withNames(rename)).toList());
    }

    @Override
    public String toString() {
        return normalized();
    }
}
