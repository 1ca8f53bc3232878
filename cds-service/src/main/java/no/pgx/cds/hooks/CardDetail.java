package no.pgx.cds.hooks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import no.pgx.engine.Assessment;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Problem;
import no.pgx.engine.Provenance;
import no.pgx.engine.ResultState;

/**
 * Writes the Markdown {@code detail} of a card: per gene the phenotype in words (Bokmål label with the CPIC term),
 * diplotype, activity score, genotype-predicted or phenoconverted (by which drug), test date and laboratory; then
 * each recommendation with source, population, strength and guideline version. Values that come from the lab or the
 * request are put in code spans (star-allele names such as {@code *2/*2}) or escaped ({@link Markdown}), so that they
 * never render as markup, HTML or links. Thread-safe.
 */
@Component
public class CardDetail {
    private final CardTexts texts;
    private final PhenotypeLabels phenotypes;
    private final SuggestionFactory names;

    public CardDetail(CardTexts texts, PhenotypeLabels phenotypes, SuggestionFactory names) {
        this.texts = texts;
        this.phenotypes = phenotypes;
        this.names = names;
    }

    /**
     * @param findings   the card's findings, lead first
     * @param assessment the assessment they come from (gene results)
     * @param knowledge  knowledge base version
     * @param language   {@code nb} or {@code en}
     * @return Markdown
     */
    public String orderDetail(List<Finding> findings, Assessment assessment, String knowledge, String language) {
        return orderDetail(findings, assessment, knowledge, language, List.of());
    }

    /**
     * As {@link #orderDetail(List, Assessment, String, String)}, with the results on file that could not be used for
     * the card's genes listed before the knowledge line.
     *
     * @param unread the result reader's problems for the genes of this card; may be empty
     */
    public String orderDetail(List<Finding> findings, Assessment assessment, String knowledge, String language,
            List<Problem> unread) {
        StringBuilder md = new StringBuilder();
        for (String gene : genes(findings)) {
            md.append("- ").append(geneLine(gene, assessment, phenoconversion(findings, gene), language)).append('\n');
        }
        md.append('\n');
        for (Finding f : findings) {
            md.append(recommendation(f, language)).append("\n\n");
        }
        // The engine's own explanation (consequence, advice) once, for the lead finding only: the other findings
        // differ in population and strength, which their lines above already say.
        Finding lead = findings.get(0);
        if (lead.detail() != null && !lead.detail().in(language).isBlank()) {
            md.append(lead.detail().in(language).strip()).append("\n\n");
        }
        Set<String> alternatives = new LinkedHashSet<>();
        findings.forEach(f -> f.alternatives().forEach(a -> alternatives.add(names.name(a, language))));
        if (!alternatives.isEmpty()) {
            md.append(texts.get(language, "detail.alternatives", String.join(", ", alternatives))).append("\n\n");
        }
        if (!unread.isEmpty()) {
            md.append("**").append(texts.get(language, "detail.unread")).append("**\n\n")
                    .append(UnreadResultsCard.list(unread, texts, language)).append("\n\n");
        }
        md.append('_').append(texts.get(language, "detail.knowledge", knowledge)).append('_');
        return md.toString();
    }

    /**
     * The detail of a card for one drug: the engine's advice detail (the patient's result once, one block per source,
     * the checked alternatives), then the results on file that could not be used for the card's genes, then the
     * knowledge line.
     *
     * @param advice    the engine's advice for the drug
     * @param knowledge knowledge base version
     * @param language  {@code nb} or {@code en}
     * @param unread    the result reader's problems for the genes of this card; may be empty
     * @return Markdown
     */
    public String adviceDetail(no.pgx.engine.DrugAdvice advice, String knowledge, String language,
            List<Problem> unread) {
        StringBuilder md = new StringBuilder(advice.detail().in(language).strip()).append("\n\n");
        if (!unread.isEmpty()) {
            md.append("**").append(texts.get(language, "detail.unread")).append("**\n\n")
                    .append(UnreadResultsCard.list(unread, texts, language)).append("\n\n");
        }
        md.append('_').append(texts.get(language, "detail.knowledge", knowledge)).append('_');
        return md.toString();
    }

    /**
     * One line about a gene result, e.g. "**CYP2C19**: langsom omsetter (Poor Metabolizer) · diplotype `*2/*2` ·
     * basert på genotype · prøvedato 2024-01-15".
     */
    public String geneLine(String gene, Assessment assessment, Phenoconversion conversion, String language) {
        Optional<GeneResult> found = assessment.results().stream().filter(r -> r.gene().equalsIgnoreCase(gene))
                .findFirst();
        List<String> parts = new ArrayList<>();
        GeneResult r = found.orElse(GeneResult.notTested(gene));
        GeneResult shown = conversion != null ? conversion.functional() : r;
        parts.add("**" + gene + "**: " + phenotype(shown, language));
        if (r.diplotype() != null || r.diplotypeAsWritten() != null) {
            String d = r.diplotypeAsWritten() != null ? r.diplotypeAsWritten() : r.diplotype();
            parts.add(texts.get(language, "detail.diplotype", code(d)));
        }
        if (shown.activityScore() != null && !shown.activityScore().isBlank()) {
            parts.add(texts.get(language, "detail.activityScore", code(shown.activityScore())));
        }
        if (conversion != null) {
            parts.add(texts.get(language, "detail.phenoconverted", names.name(conversion.perpetrator(), language),
                    modulator(conversion.strength(), language), modulator(conversion.effect(), language),
                    phenotype(conversion.genotypePredicted(), language)));
        } else if (r.state() != ResultState.NOT_TESTED) {
            parts.add(texts.get(language, "detail.genotypePredicted"));
        }
        provenance(r.provenance(), language, parts);
        String line = String.join(" · ", parts);
        if (!r.warnings().isEmpty()) {
            line += "  \n  " + texts.get(language, "detail.warnings", Markdown.text(String.join("; ", r.warnings())));
        }
        return line;
    }

    /** The phenotype in words, or the result state when there is no phenotype to show. */
    public String phenotype(GeneResult r, String language) {
        if (r.state() == ResultState.NOT_TESTED) {
            return texts.get(language, "state.NOT_TESTED");
        }
        if (r.phenotype() == null || r.phenotype().isBlank()) {
            return texts.get(language, "state.INDETERMINATE");
        }
        // A phenotype the vocabulary does not know is shown as the lab wrote it.
        return Markdown.text(phenotypes.label(r.phenotype(), language));
    }

    private String recommendation(Finding f, String language) {
        List<String> head = new ArrayList<>();
        head.add("**" + (f.source() == null ? "" : f.source()) + "**");
        String population = SuggestionFactory.populationLabel(f, language);
        if (population != null) {
            head.add(texts.get(language, "detail.population", population));
        }
        if (f.strength() != null && !f.strength().isBlank()) {
            head.add(texts.get(language, "detail.strength",
                    texts.getOrDefault(language, "strength." + f.strength(), f.strength())));
        }
        if (f.guideline() != null && f.guideline().version() != null && !f.guideline().version().isBlank()) {
            head.add(texts.get(language, "detail.guideline", f.guideline().version()));
        }
        if (f.dosePercent() != null && !f.dosePercent().isBlank()) {
            head.add(texts.get(language, "detail.dose", f.dosePercent()));
        }
        return String.join(" · ", head) + "  \n" + statement(f, language);
    }

    /** The finding's own one-line summary, or the action in words when it has none. */
    String statement(Finding f, String language) {
        String summary = f.summary() == null ? null : f.summary().in(language);
        return summary != null && !summary.isBlank() ? summary
                : texts.get(language, "action." + f.action().name(), names.name(f.drug(), language));
    }

    private void provenance(Provenance p, String language, List<String> parts) {
        if (p == null) {
            return;
        }
        if (p.testDate() != null) {
            parts.add(texts.get(language, "detail.testDate", p.testDate().toString()));
        }
        if (p.lab() != null && !p.lab().isBlank()) {
            parts.add(texts.get(language, "detail.lab", Markdown.text(p.lab())));
        }
        if (!p.testedVariants().isEmpty()) {
            parts.add(texts.get(language, "detail.testedVariants", code(String.join(", ", p.testedVariants()))));
        }
    }

    private String modulator(String word, String language) {
        return word == null ? "" : texts.getOrDefault(language, "modulator." + word.toLowerCase(Locale.ROOT), word);
    }

    /** Genes of the card's findings, in finding order. */
    static Set<String> genes(List<Finding> findings) {
        Set<String> genes = new LinkedHashSet<>();
        for (Finding f : findings) {
            genes.addAll(f.phenotypes().isEmpty() ? f.lookupKey().keySet() : f.phenotypes().keySet());
        }
        return genes;
    }

    private static Phenoconversion phenoconversion(List<Finding> findings, String gene) {
        for (Finding f : findings) {
            for (Phenoconversion p : f.phenoconversions()) {
                if (p.gene().equalsIgnoreCase(gene)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** A Markdown code span that shows the value literally, whatever it holds. */
    static String code(String value) {
        return Markdown.code(value);
    }

    /** @return the phenotypes of a finding in words, for summaries and notes ("CYP2C19 langsom omsetter") */
    public String reason(Finding f, String language) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : (f.phenotypes().isEmpty() ? f.lookupKey() : f.phenotypes()).entrySet()) {
            String label = isEnglish(language) ? e.getValue() : phenotypes.label(e.getValue(), language);
            int paren = label.indexOf(" (");
            parts.add(e.getKey() + " " + (paren > 0 ? label.substring(0, paren) : label));
        }
        return String.join(", ", parts);
    }

    private static boolean isEnglish(String language) {
        return no.pgx.cds.system.Language.EN.equals(language);
    }
}
