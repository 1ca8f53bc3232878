package no.pgx.engine;

import java.util.Objects;

/**
 * An informational message about an assessment: something the reader should know that is not a fault of the input
 * (those are {@link Problem}s). Examples: a co-medication that could not be taken into account because the gene has
 * no result, an ambiguous product treated as containing a drug, a local route that needs no pharmacogenetic advice.
 *
 * @param code a stable code for programs ({@code interaction-gene-untested}, {@code possible-ingredient},
 *             {@code local-route}); never null
 * @param gene the gene concerned, or null
 * @param drug the drug concerned (English INN, lower case), or null
 * @param text the message in Bokmål and English; never null
 */
public record Note(String code, String gene, String drug, LocalizedText text) {
    /**
     * Checks the required components.
     *
     * @param code a stable code; not null
     * @param gene the gene concerned, or null
     * @param drug the drug concerned, or null
     * @param text the message; not null
     * @throws NullPointerException when {@code code} or {@code text} is null
     */
    public Note {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** @return the English message */
    public String message() {
        return text.en();
    }
}
