package no.pgx.cds.hooks;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import no.pgx.cds.system.Language;
import no.pgx.terminology.genetics.PhenotypeVocabulary;

/**
 * Phenotype wording for cards: the fixed Bokmål label with the CPIC term beside it ("langsom omsetter (Poor
 * Metabolizer)", docs/clinical-rules.md#norwegian-wording), or the CPIC term alone in English.
 *
 * <p>The labels come from the terminology module's {@link PhenotypeVocabulary} (the versioned table
 * {@code no/pgx/knowledge/genetics/phenotypes.csv}); this class only formats them. Unknown terms are shown as
 * given. Thread-safe, immutable.
 */
@Component
public class PhenotypeLabels {

    private final Map<String, String> nb;

    public PhenotypeLabels() {
        this.nb = load();
    }

    /**
     * @param term     CPIC phenotype term, allele status ({@code *57:01 positive}) or null
     * @param language {@code nb} or {@code en}
     * @return the wording; for Bokmål "label (term)" when a label is known
     */
    public String label(String term, String language) {
        if (term == null || term.isBlank()) {
            return "";
        }
        if (Language.EN.equals(language)) {
            return term;
        }
        String label = nb.get(term);
        if (label == null) {
            int space = term.lastIndexOf(' ');
            String status = space < 0 ? null : nb.get(term.substring(space + 1));
            return status == null ? term : term.substring(0, space) + " " + status + " (" + term + ")";
        }
        return label + " (" + term + ")";
    }

    private static Map<String, String> load() {
        Map<String, String> labels = new HashMap<>();
        PhenotypeVocabulary vocabulary = PhenotypeVocabulary.loadDefault();
        for (String term : vocabulary.terms()) {
            vocabulary.term(term).map(PhenotypeVocabulary.Term::nbLabel).filter(l -> !l.isBlank())
                    .ifPresent(l -> labels.put(term, l));
        }
        return labels;
    }
}
