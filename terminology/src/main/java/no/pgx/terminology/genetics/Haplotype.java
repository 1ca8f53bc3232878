package no.pgx.terminology.genetics;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The alleles written for one chromosome: one allele, a tandem/hybrid arrangement ({@code *36+*10}) or, for variant
 * genes such as DPYD, several variants found on the same haplotype ({@code c.1905+1G>A (*2A) + c.2846A>T}).
 *
 * @param parts the alleles in the order written; at least one
 */
public record Haplotype(List<Allele> parts) {
    /**
     * Keeps an unmodifiable copy of the alleles.
     *
     * @param parts the alleles in the order written; not null, no null element
     * @throws NullPointerException     when {@code parts} is null or holds null
     * @throws IllegalArgumentException when {@code parts} is empty
     */
    public Haplotype {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a haplotype has at least one allele");
        }
    }

    /**
     * @param allele the allele; not null
     * @return a haplotype of one allele
     * @throws NullPointerException when {@code allele} is null
     */
    public static Haplotype of(Allele allele) {
        return new Haplotype(List.of(allele));
    }

    /** @return true when the haplotype is a single allele (possibly with copies) */
    public boolean isSingle() {
        return parts.size() == 1;
    }

    /**
     * @param rename maps an allele name to the name to use; must not return null
     * @return the same arrangement with every allele name mapped (copy numbers kept)
     */
    public Haplotype withNames(UnaryOperator<String> rename) {
        return new Haplotype(parts.stream().map(a -> a.withName(rename.apply(a.name()))).toList());
    }

    /**
     * @return star-allele arrangements joined by {@code +} ({@code *36+*10}); variant lists joined by {@code " + "}
     */
    @Override
    public String toString() {
        boolean star = parts.stream().allMatch(a -> a.name().startsWith("*"));
        StringBuilder sb = new StringBuilder();
        for (Allele a : parts) {
            if (sb.length() > 0) {
                sb.append(star ? "+" : " + ");
            }
            sb.append(a);
        }
        return sb.toString();
    }
}
