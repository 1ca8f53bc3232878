package no.pgx.terminology.genomics;

import java.util.Objects;

/**
 * A phenotype term with its LOINC answer code and fixed Norwegian label. Immutable.
 *
 * @param cpicTerm CPIC standardised term ({@code Poor Metabolizer}); never null
 * @param answer   the LOINC answer ({@code LA9657-3 Poor metabolizer}), or null when none was verified
 * @param labelNb  the fixed Norwegian (Bokmål) label ({@code langsom omsetter}), or null when none is defined
 */
public record PhenotypeAnswer(String cpicTerm, GenomicCode answer, String labelNb) {
    public PhenotypeAnswer {
        Objects.requireNonNull(cpicTerm, "cpicTerm");
    }

    /**
     * The label to show: the Norwegian label with the CPIC term beside it ({@code langsom omsetter (Poor Metabolizer)}),
     * or the CPIC term alone when no Norwegian label is defined.
     */
    public String displayLabel() {
        return labelNb == null ? cpicTerm : labelNb + " (" + cpicTerm + ")";
    }
}
