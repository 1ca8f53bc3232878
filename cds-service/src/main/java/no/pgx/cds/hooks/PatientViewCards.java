package no.pgx.cds.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import no.pgx.engine.Action;
import no.pgx.engine.Assessment;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.ResultState;

/**
 * The one {@code patient-view} card: the patient's actionable gene results (genotype-predicted, and phenotypes
 * changed by current co-medication) and the drugs on the current medication list they affect. No card when there is
 * nothing actionable. Thread-safe.
 */
@Component
public class PatientViewCards {
    private final CardTexts texts;
    private final CardDetail detail;
    private final CardFactory cards;
    private final SuggestionFactory names;
    private final String topicSystem;

    public PatientViewCards(CardTexts texts, CardDetail detail, CardFactory cards, SuggestionFactory names,
            CodeSystems systems) {
        this.texts = texts;
        this.detail = detail;
        this.cards = cards;
        this.names = names;
        this.topicSystem = systems.cardTopic();
    }

    /**
     * @param assessment the assessment of the current medication list
     * @param language   {@code nb} or {@code en}
     * @return the card, or empty when no result is actionable and no current drug is affected
     */
    public Optional<Card> card(Assessment assessment, String language) {
        Map<String, Phenoconversion> converted = new LinkedHashMap<>();
        assessment.phenoconversions().forEach(p -> converted.putIfAbsent(p.gene(), p));
        List<String> genes = new ArrayList<>();
        for (GeneResult r : assessment.results()) {
            Phenoconversion p = converted.get(r.gene());
            if (r.state() == ResultState.ACTIONABLE || p != null && p.functional().state() == ResultState.ACTIONABLE) {
                genes.add(r.gene());
            }
        }
        Map<String, List<Finding>> byDrug = new LinkedHashMap<>();
        for (Finding f : assessment.findings()) {
            if (f.action() != Action.NO_RECOMMENDATION && f.action() != Action.STANDARD_DOSE) {
                byDrug.computeIfAbsent(f.drug(), d -> new ArrayList<>()).add(f);
            }
        }
        if (genes.isEmpty() && byDrug.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder md = new StringBuilder("**").append(texts.get(language, "pv.results")).append("**\n\n");
        for (String gene : genes) {
            md.append("- ").append(detail.geneLine(gene, assessment, converted.get(gene), language)).append('\n');
        }
        md.append("\n**").append(texts.get(language, "pv.drugs")).append("**\n\n");
        Urgency indicator = Urgency.INFO;
        List<Finding> leads = new ArrayList<>();
        for (List<Finding> findings : byDrug.values()) {
            findings.sort(CardFactory.LEAD_FIRST);
            Finding lead = findings.get(0);
            leads.add(lead);
            Urgency i = Urgency.of(lead.action());
            indicator = i.compareTo(indicator) > 0 ? i : indicator;
            md.append("- ").append(detail.statement(lead, language)).append('\n');
        }
        if (byDrug.isEmpty()) {
            md.append(texts.get(language, "pv.noDrugs")).append('\n');
        }
        md.append("\n_").append(texts.get(language, "detail.knowledge", assessment.knowledgeVersion())).append('_');
        String summary = CardFactory.shorten(texts.get(language, "pv.summary", genes.size(), String.join(", ", genes),
                byDrug.size()));
        Source source = new Source(texts.get(language, "pv.source"), null,
                new CardCoding(topicSystem, CodeSystems.TOPIC_CODE, texts.get(language, "topic.display")));
        return Optional.of(new Card(UUID.randomUUID().toString(), summary, md.toString(), indicator.wire(), source,
                List.of(), null, List.of(), cards.links(leads, language)));
    }
}
