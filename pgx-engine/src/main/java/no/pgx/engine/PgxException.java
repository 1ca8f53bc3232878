package no.pgx.engine;

/**
 * The one exception type of the engine API.
 *
 * <p>Thrown for input that cannot be interpreted (the message names the gene, allele or field at fault) and when the
 * bundled knowledge cannot be loaded. Batch operations such as {@link PgxEngine#assess(AssessmentRequest)} do not throw
 * it for bad patient input; they report {@link Problem}s instead.
 */
public class PgxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The gene the problem concerns, or null. */
    private final String gene;
    /** The input field at fault, or null. */
    private final String field;

    /**
     * @param gene    the gene the problem concerns, or null
     * @param field   the input field at fault ({@code diplotype}, {@code phenotype}, {@code activityScore}, {@code alleleStatus}, {@code drug} …), or null
     * @param message a specific, human-readable message
     */
    public PgxException(String gene, String field, String message) {
        super(message);
        this.gene = gene;
        this.field = field;
    }

    /**
     * For a failure that is not about one input field, such as bundled knowledge that cannot be loaded; gene and field
     * are null.
     *
     * @param message a specific, human-readable message
     * @param cause   the underlying failure
     */
    public PgxException(String message, Throwable cause) {
        super(message, cause);
        this.gene = null;
        this.field = null;
    }

    /** @return the gene the problem concerns, or null */
    public String gene() {
        return gene;
    }

    /** @return the input field at fault, or null */
    public String field() {
        return field;
    }

    /** @return this exception as a {@link Problem} */
    public Problem toProblem() {
        return new Problem(gene, field, getMessage());
    }
}
