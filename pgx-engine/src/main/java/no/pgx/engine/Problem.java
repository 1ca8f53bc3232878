package no.pgx.engine;

import java.util.Objects;

/**
 * A specific problem with part of the input, reported instead of failing the whole request.
 *
 * @param gene    the gene concerned, or null (e.g. for an unresolved drug)
 * @param field   the input field at fault ({@code diplotype}, {@code phenotype}, {@code drug} …), or null
 * @param message a human-readable message naming the offending value; never null
 */
public record Problem(String gene, String field, String message) {
    /**
     * Checks the message.
     *
     * @param gene    the gene concerned, or null
     * @param field   the input field at fault, or null
     * @param message the message; not null
     * @throws NullPointerException when {@code message} is null
     */
    public Problem {
        Objects.requireNonNull(message, "message");
    }
}
