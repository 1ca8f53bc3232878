package no.pgx.terminology.genetics;

/**
 * Input that cannot be read as genetic notation. The message is specific and names the gene (when known), the input
 * field and the offending token, e.g. {@code CYP2D6 diplotype '*1/': empty allele after '/'}.
 *
 * <p>Unchecked so that parsing composes with lambdas; callers of the engine never see it (the engine converts it to its
 * own exception type).
 */
public final class NotationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Normalised gene symbol, or null. */
    private final String gene;
    /** The input field at fault. */
    private final String field;
    /** The offending text, or null. */
    private final String token;

    /**
     * @param gene    normalised gene symbol, or null when the gene itself is at fault or unknown
     * @param field   the input field ({@code gene}, {@code diplotype}, {@code phenotype}, {@code activityScore},
     *                {@code alleleStatus})
     * @param token   the offending text (may be the whole input), or null
     * @param message the specific message
     */
    public NotationException(String gene, String field, String token, String message) {
        super(message);
        this.gene = gene;
        this.field = field;
        this.token = token;
    }

    /** @return the gene the problem concerns, or null */
    public String gene() {
        return gene;
    }

    /** @return the input field at fault */
    public String field() {
        return field;
    }

    /** @return the offending token, or null */
    public String token() {
        return token;
    }
}
