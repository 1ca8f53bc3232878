package no.pgx.terminology.genomics;

import java.util.Objects;

/**
 * A CPIC phenotype term and its LOINC answer code. Immutable. Norwegian labels live in the phenotype vocabulary
 * ({@code no.pgx.terminology.genetics.PhenotypeVocabulary}).
 *
 * @param cpicTerm CPIC standardised term ({@code Poor Metabolizer}); never null
 * @param answer   the LOINC answer ({@code LA9657-3 Poor metabolizer}); never null
 */
public record PhenotypeAnswer(String cpicTerm, GenomicCode answer) {
    /**
     * Checks the components.
     *
     * @param cpicTerm CPIC standardised term; not null
     * @param answer   the LOINC answer; not null
     * @throws NullPointerException when a component is null
     */
    public PhenotypeAnswer {
        Objects.requireNonNull(cpicTerm, "cpicTerm");
        Objects.requireNonNull(answer, "answer");
    }
}
