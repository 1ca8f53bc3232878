package no.pgx.terminology.genomics;

import java.util.Objects;

/**
 * A pharmacogene and its HGNC gene id. Immutable.
 *
 * @param symbol HGNC symbol in upper case ({@code CYP2D6}, {@code HLA-B}); never null
 * @param hgncId HGNC id with prefix ({@code HGNC:2625}), or null when it could not be verified
 */
public record GeneCode(String symbol, String hgncId) {
    /**
     * Checks the symbol.
     *
     * @param symbol HGNC symbol in upper case; not null
     * @param hgncId HGNC id with prefix, or null
     * @throws NullPointerException when {@code symbol} is null
     */
    public GeneCode {
        Objects.requireNonNull(symbol, "symbol");
    }

    /** @return true for the HLA genes, whose results are allele statuses ({@code *57:01 positive}) */
    public boolean isHla() {
        return symbol.startsWith("HLA-");
    }
}
