package no.pgx.engine.fhir;

import java.util.Optional;

import no.pgx.terminology.genetics.Gene;
import no.pgx.terminology.genetics.GeneRegistry;
import no.pgx.terminology.genetics.NotationException;
import no.pgx.terminology.genetics.PhenotypeVocabulary;
import no.pgx.terminology.genetics.PhenotypeVocabulary.Term;

/**
 * The project's phenotype vocabulary (CPIC terms, accepted spellings, fixed Norwegian labels), used without throwing:
 * an unknown or ambiguous text is kept as written for the engine to judge. Stateless.
 */
final class Vocabulary {
    private static final PhenotypeVocabulary PHENOTYPES = PhenotypeVocabulary.loadDefault();
    private static final GeneRegistry GENES = GeneRegistry.loadDefault();

    private Vocabulary() {
    }

    /**
     * @param text the phenotype as written ({@code poor metabolizer}, {@code langsom omsetter (Poor Metabolizer)})
     * @param gene the gene, which decides ambiguous words ("normal" is a metabolizer or a function term)
     * @return the CPIC term, or empty when the text is not a known spelling or stays ambiguous
     */
    static Optional<String> cpicTerm(String text, String gene) {
        try {
            return PHENOTYPES.find(text, GENES.find(gene).map(Gene::phenotypeKind).orElse(null)).map(Term::term);
        } catch (NotationException e) {
            return Optional.empty();
        }
    }

    /**
     * @param term a CPIC term or HLA allele status ({@code *57:01 positive})
     * @return the Norwegian label with the CPIC term beside it ({@code langsom omsetter (Poor Metabolizer)}), or the
     *         term itself when the vocabulary has no label for it
     */
    static String displayLabel(String term) {
        try {
            return PHENOTYPES.displayLabel(term);
        } catch (NotationException e) {
            return term;
        }
    }
}
