package no.pgx.cds.hooks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import no.pgx.cds.system.Language;

/**
 * Phenotype wording for cards: the fixed Bokmål label with the CPIC term beside it ("langsom omsetter (Poor
 * Metabolizer)", CLINICAL.md "Norwegian labels"), or the CPIC term alone in English.
 *
 * <p>The labels are the terminology module's vocabulary table ({@code no/pgx/terminology/genetics/phenotypes.csv},
 * column {@code nb_label}); this class only reads it. Unknown terms are shown as given. Thread-safe, immutable.
 */
@Component
public class PhenotypeLabels {
    private static final Logger LOG = LoggerFactory.getLogger(PhenotypeLabels.class);
    static final String RESOURCE = "no/pgx/terminology/genetics/phenotypes.csv";

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
        InputStream in = PhenotypeLabels.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            LOG.warn("Phenotype vocabulary {} not found: cards show CPIC terms only", RESOURCE);
            return labels;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split(",", -1);
                if (header == null) {
                    header = line;
                    continue;
                }
                if (cols.length >= 5 && !cols[4].isBlank()) {
                    labels.putIfAbsent(cols[0].trim(), cols[cols.length - 1].trim());
                }
            }
        } catch (IOException e) {
            LOG.warn("Phenotype vocabulary unreadable: cards show CPIC terms only ({})", e.getMessage());
        }
        return Map.copyOf(labels);
    }
}
