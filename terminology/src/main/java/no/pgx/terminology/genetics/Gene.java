package no.pgx.terminology.genetics;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * A gene known to the engine, as described by {@code genes.csv}. Immutable.
 *
 * @param symbol          HGNC symbol, upper case ({@code CYP2D6}, {@code HLA-B}, {@code MT-RNR1})
 * @param method          how the phenotype is called
 * @param notation        how alleles are written
 * @param ploidy          alleles per result (2; 1 for MT-RNR1)
 * @param maxCopies       highest plausible copy number on one haplotype; 1 means copy-number notation is not used
 * @param phenotypeKind   vocabulary family of the gene's phenotypes ({@code metabolizer}, {@code function} …)
 * @param referenceAllele the allele meaning "none of the tested variants found" ({@code *1}, {@code Reference}), or null
 * @param scoreStep       granularity of reported activity scores for activity-score genes, else null
 * @param aliases         other symbols accepted on input, upper case; never null
 */
public record Gene(String symbol, CallingMethod method, AlleleNotation notation, int ploidy, int maxCopies,
                   String phenotypeKind, String referenceAllele, BigDecimal scoreStep, Set<String> aliases) {
    /**
     * Checks the required components and keeps an unmodifiable copy of the aliases.
     *
     * @param symbol          HGNC symbol, upper case; not null
     * @param method          how the phenotype is called; not null
     * @param notation        how alleles are written; not null
     * @param ploidy          alleles per result
     * @param maxCopies       highest plausible copy number on one haplotype
     * @param phenotypeKind   vocabulary family of the gene's phenotypes
     * @param referenceAllele the reference allele, or null
     * @param scoreStep       activity score granularity, or null
     * @param aliases         other accepted symbols; null is read as none
     * @throws NullPointerException when {@code symbol}, {@code method} or {@code notation} is null
     */
    public Gene {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(notation, "notation");
        aliases = aliases == null ? Set.of() : Set.copyOf(aliases);
    }

    /** @return true when the gene allows copy-number notation ({@code x2}, {@code x≥3}, {@code xN}) */
    public boolean allowsCopyNumber() {
        return maxCopies > 1;
    }
}
