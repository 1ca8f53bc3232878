package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import no.pgx.cds.system.CdsProperties;
import no.pgx.engine.Action;
import no.pgx.engine.Assessment;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.GuidelineRef;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Problem;
import no.pgx.engine.Provenance;
import no.pgx.engine.ResultState;
import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.drug.DrugMatch;
import no.pgx.terminology.drug.MatchKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The card rules of the web layer over synthetic findings (independent of the rule base): grouping per drug and
 * phenotype, lead selection, indicator, suggestions per action, summary length, minimum indicator.
 */
class CardFactoryTest {
    private static final DrugCatalog CATALOG = DrugCatalog.loadDefault();

    private static CardFactory factory(String minimum) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("cds-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        CdsProperties properties = new CdsProperties("nb", new CdsProperties.Cards(minimum, "https://pgx.test/cs", "PGx",
                List.of("example.org"), "", ""),
                new CdsProperties.Cors(List.of(), 0));
        CardTexts texts = new CardTexts(messages);
        SuggestionFactory suggestions = new SuggestionFactory(CATALOG, texts);
        CardDetail detail = new CardDetail(texts, new PhenotypeLabels(), suggestions);
        CodeSystems systems = new CodeSystems(properties);
        return new CardFactory(texts, detail, suggestions, new OverrideReasons(systems, texts), systems, properties);
    }

    private static Finding finding(String drug, String source, String population, String gene, String phenotype,
            String strength, Action action, String dosePercent, List<String> alternatives, String summary) {
        return new Finding(drug, source, population, new LocalizedText(population, population), Map.of(gene, phenotype),
                Map.of(gene, phenotype), strength, action, dosePercent, alternatives, null, false, List.of(),
                new LocalizedText(summary, summary), null,
                new GuidelineRef("PA1", source, source + " " + drug, "2022-01", "https://example.org/" + source + "/" + drug),
                "PA-" + source + population);
    }

    private static Assessment assessment(List<Finding> findings) {
        return assessment(findings, "*2/*2", "Lab A");
    }

    private static Assessment assessment(List<Finding> findings, String diplotype, String lab) {
        GeneResult r = new GeneResult("CYP2C19", diplotype, diplotype, "Poor Metabolizer", null, "Poor Metabolizer",
                ResultState.ACTIONABLE, List.of(), new Provenance("obs-1", LocalDate.of(2024, 3, 1), lab, List.of()));
        return new Assessment(List.of(r), List.of(), findings, List.of(), "test-knowledge");
    }

    @Test
    void markupInTheLabNameOrDiplotypeNeverRendersAsMarkup() {
        String lab = "<img src=x onerror=alert(1)> [results](https://evil.test/x) **urgent** www.evil.test";
        String diplotype = "*2/*2`` <script>alert(1)</script>";
        List<Finding> findings = List.of(finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer",
                "Strong", Action.AVOID, null, List.of(), "Avoid clopidogrel."));

        Card card = factory("info").orderCards(List.of(new DrugAssessment("clopidogrel", List.of(draft("d1")),
                assessment(findings, diplotype, lab))), "p1", true, "test-knowledge", "en").get(0);

        // Every active character arrives backslash-escaped (or inside a code span): nothing unescaped is left.
        assertThat(card.detail()).doesNotContainPattern("(?<!\\\\)<img").doesNotContainPattern("(?<!\\\\)\\]\\(https")
                .doesNotContain("**urgent**").doesNotContain("www.evil").contains("\\<img")
                .contains("``` *2/*2`` <script>alert(1)</script> ```");
    }

    private static MedicationLine draft(String id) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("resourceType", "MedicationRequest").put("status", "draft").put("intent", "order");
        if (id != null) {
            r.put("id", id);
        }
        r.putObject("subject").put("reference", "Patient/p1");
        return new MedicationLine(id == null ? null : "MedicationRequest/" + id, r,
                new DrugMatch("x", List.of(), List.of(), MatchKind.TEXT, "", "", false, ""));
    }

    private static List<Card> cards(CardFactory f, String drug, List<Finding> findings, MedicationLine... drafts) {
        return f.orderCards(List.of(new DrugAssessment(drug, List.of(drafts), assessment(findings))), "p1", true,
                "test-knowledge", "en");
    }

    @Test
    void findingsForTheSameDrugAndPhenotypeAreOneCardLedByTheMostUrgentCpicFinding() {
        Finding dpwg = finding("clopidogrel", "DPWG", "general", "CYP2C19", "Poor Metabolizer", "", Action.CONSIDER_ALTERNATIVE,
                null, List.of("ticagrelor"), "DPWG says consider");
        Finding cpicNvi = finding("clopidogrel", "CPIC", "NVI", "CYP2C19", "Poor Metabolizer", "Moderate", Action.AVOID,
                null, List.of(), "CPIC NVI avoid");
        Finding cpicAcs = finding("clopidogrel", "CPIC", "CVI ACS PCI", "CYP2C19", "Poor Metabolizer", "Strong",
                Action.AVOID, null, List.of("prasugrel", "ticagrelor"), "CPIC ACS avoid");

        List<Card> cards = cards(factory("info"), "clopidogrel", List.of(dpwg, cpicNvi, cpicAcs), draft("d1"));

        assertThat(cards).hasSize(1);
        Card card = cards.get(0);
        assertThat(card.indicator()).isEqualTo("critical");
        assertThat(card.summary()).isEqualTo("CPIC ACS avoid");
        assertThat(card.source().label()).isEqualTo("CPIC (2022)");
        assertThat(card.detail()).contains("DPWG says consider", "CPIC NVI avoid", "CVI ACS PCI", "`*2/*2`",
                "2024-03-01", "Lab A");
        assertThat(card.links()).extracting(Link::url).containsExactly("https://example.org/CPIC/clopidogrel",
                "https://example.org/DPWG/clopidogrel");
        assertThat(card.suggestions()).extracting(Suggestion::label)
                .contains("Replace clopidogrel with prasugrel (CPIC: CVI ACS PCI)")
                .as("DPWG names ticagrelor for the general population: no qualifier")
                .contains("Replace clopidogrel with ticagrelor");
        assertThat(card.detail()).contains("CPIC ACS avoid").doesNotContain("Avoid clopidogrel: CPIC ACS avoid");
        assertThat(card.selectionBehavior()).isEqualTo("at-most-one");
        assertThat(card.overrideReasons()).hasSize(4).allMatch(r -> r.display() != null);
    }

    /** A problem the result reader had with one gene goes under the cards for that gene, and only those. */
    @Test
    void aGeneProblemIsListedOnTheCardsOfThatGeneOnly() {
        Finding clopidogrel = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer", "Strong",
                Action.AVOID, null, List.of(), "Avoid clopidogrel.");
        Finding codeine = finding("codeine", "CPIC", "general", "CYP2D6", "Ultrarapid Metabolizer", "Strong",
                Action.AVOID, null, List.of(), "Avoid codeine.");
        Problem c19 = new Problem("CYP2C19", "diplotype", "CYP2C19: results of the same date differ <b>");
        Problem d6 = new Problem("CYP2D6", "value", "Observation d6 (CYP2D6) has no value");

        List<Card> cards = factory("info").orderCards(List.of(
                new DrugAssessment("clopidogrel", List.of(draft("d1")), assessment(List.of(clopidogrel))),
                new DrugAssessment("codeine", List.of(draft("d2")), assessment(List.of(codeine)))),
                "p1", true, "test-knowledge", "en", List.of(c19));

        Card forClopidogrel = cards.stream().filter(c -> c.summary().contains("clopidogrel")).findFirst().orElseThrow();
        Card forCodeine = cards.stream().filter(c -> c.summary().contains("codeine")).findFirst().orElseThrow();
        assertThat(forClopidogrel.detail()).contains("Results on file not used for this advice")
                .contains("results of the same date differ \\<b\\>");
        // The list comes before the knowledge line, which stays last.
        assertThat(forClopidogrel.detail().indexOf("same date")).isLessThan(forClopidogrel.detail().indexOf("_Knowledge"));
        assertThat(forCodeine.detail()).doesNotContain("Results on file not used").doesNotContain("same date");
        assertThat(factory("info").orderCards(List.of(new DrugAssessment("codeine", List.of(draft("d2")),
                assessment(List.of(codeine)))), "p1", true, "test-knowledge", "en", List.of(d6)).get(0).detail())
                .contains("Observation d6");
    }

    @Test
    void anAlternativeNamedByOnlyOneSourceSaysWhichSource() {
        Finding cpic = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer", "Strong", Action.AVOID,
                null, List.of("prasugrel"), "cpic");
        Finding dpwg = finding("clopidogrel", "DPWG", "general", "CYP2C19", "Poor Metabolizer", "", Action.AVOID,
                null, List.of("prasugrel", "ticagrelor"), "dpwg");

        Card card = cards(factory("info"), "clopidogrel", List.of(cpic, dpwg), draft("d1")).get(0);

        assertThat(card.suggestions()).extracting(Suggestion::label).containsExactly(
                "Replace clopidogrel with prasugrel", "Replace clopidogrel with ticagrelor (DPWG)");
    }

    @Test
    void differentPhenotypesOfOneDrugAreSeparateCards() {
        Finding pm = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer", "Strong", Action.AVOID,
                null, List.of(), "pm");
        Finding im = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Intermediate Metabolizer", "Strong",
                Action.AVOID, null, List.of(), "im");

        assertThat(cards(factory("info"), "clopidogrel", List.of(pm, im), draft("d1"))).hasSize(2);
    }

    @Test
    void noRecommendationGivesNoCardAndTheMinimumIndicatorFilters() {
        Finding none = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer", "", Action.NO_RECOMMENDATION,
                null, List.of(), "none");
        Finding monitor = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Rapid Metabolizer", "", Action.MONITOR,
                null, List.of(), "monitor");

        assertThat(cards(factory("info"), "clopidogrel", List.of(none), draft("d1"))).isEmpty();
        assertThat(cards(factory("info"), "clopidogrel", List.of(monitor), draft("d1"))).hasSize(1);
        assertThat(cards(factory("warning"), "clopidogrel", List.of(monitor), draft("d1"))).isEmpty();
    }

    @Test
    void aDoseChangeIsAnUpdateOfTheDraftWithTheRecommendedPercentage() {
        Finding reduce = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer", "Moderate",
                Action.REDUCE_DOSE, "50", List.of(), "reduce");

        Card card = cards(factory("info"), "clopidogrel", List.of(reduce), draft("d7")).get(0);

        assertThat(card.indicator()).isEqualTo("warning");
        SuggestionAction update = card.suggestions().get(0).actions().get(0);
        assertThat(update.type()).isEqualTo("update");
        JsonNode resource = update.resource();
        assertThat(resource.get("id").stringValue()).isEqualTo("d7");
        assertThat(resource.get("note").get(0).get("text").stringValue()).contains("50 %");
    }

    @Test
    void aTestBeforeStartProposesAGenotypeTestOrder() {
        Finding test = finding("clopidogrel", "CPIC", "general", "CYP2C19", "No Result", "", Action.TEST_REQUIRED,
                null, List.of(), "test first");

        Card card = cards(factory("info"), "clopidogrel", List.of(test), draft("d1")).get(0);

        assertThat(card.indicator()).isEqualTo("critical");
        SuggestionAction create = card.suggestions().get(0).actions().get(0);
        assertThat(create.type()).isEqualTo("create");
        assertThat(create.resource().get("resourceType").stringValue()).isEqualTo("ServiceRequest");
        assertThat(create.resource().get("code").get("text").stringValue()).contains("CYP2C19");
    }

    @Test
    void aDraftWithoutIdGetsNoSuggestions() {
        Finding avoid = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer", "Strong", Action.AVOID,
                null, List.of("prasugrel"), "avoid");

        Card card = cards(factory("info"), "clopidogrel", List.of(avoid), draft(null)).get(0);

        assertThat(card.suggestions()).isEmpty();
        assertThat(card.selectionBehavior()).isNull();
    }

    @Test
    void anAvoidWithoutAlternativeOffersToRemoveTheDraft() {
        Finding avoid = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer", "Strong", Action.AVOID,
                null, List.of(), "avoid");

        Card card = cards(factory("info"), "clopidogrel", List.of(avoid), draft("d1")).get(0);

        assertThat(card.suggestions()).hasSize(1);
        assertThat(card.suggestions().get(0).actions()).extracting(SuggestionAction::type).containsExactly("delete");
    }

    @Test
    void aPhenoconversionIsNamedInTheDetail() {
        GeneResult predicted = new GeneResult("CYP2C19", null, "*1/*1", "Normal Metabolizer", null, "Normal Metabolizer",
                ResultState.NORMAL, List.of(), Provenance.UNKNOWN);
        GeneResult functional = new GeneResult("CYP2C19", null, "*1/*1", "Poor Metabolizer", null, "Poor Metabolizer",
                ResultState.ACTIONABLE, List.of(), Provenance.UNKNOWN);
        Phenoconversion p = new Phenoconversion("CYP2C19", "fluvoxamine", "inhibitor", "strong", predicted, functional, "1");
        Finding f = new Finding("clopidogrel", "CPIC", "general", null, Map.of("CYP2C19", "Poor Metabolizer"),
                Map.of("CYP2C19", "Poor Metabolizer"), "Strong", Action.AVOID, null, List.of(), null, true, List.of(p),
                new LocalizedText("s", "s"), null, null, "x");

        Card card = cards(factory("info"), "clopidogrel", List.of(f), draft("d1")).get(0);

        assertThat(card.detail()).contains("phenoconverted by fluvoxamine").contains("Normal Metabolizer");
    }

    @Test
    void longSummariesAreShortenedBelow140Characters() {
        String s = "word ".repeat(60).trim();
        assertThat(CardFactory.shorten(s)).hasSizeLessThan(140).endsWith("…");
        assertThat(CardFactory.shorten("short")).isEqualTo("short");
    }

    @Test
    void repeatedInputGivesTheSameCardsWithFreshIds() {
        CardFactory f = factory("info");
        List<Finding> findings = List.of(finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer",
                "Strong", Action.AVOID, null, List.of("prasugrel", "ticagrelor"), "Avoid clopidogrel."));

        Card first = cards(f, "clopidogrel", findings, draft("d1")).get(0);
        Card second = cards(f, "clopidogrel", findings, draft("d1")).get(0);

        assertThat(first.suggestions()).isNotEmpty();
        assertThat(second.uuid()).isNotEqualTo(first.uuid());
        assertThat(second.suggestions()).extracting(Suggestion::uuid)
                .doesNotContainAnyElementsOf(first.suggestions().stream().map(Suggestion::uuid).toList());
        assertThat(second).usingRecursiveComparison()
                .ignoringFields("uuid", "suggestions.uuid").isEqualTo(first);
    }

    @Test
    void cardsLinkOnlyToHttpsPagesOfTheConfiguredGuidelineHosts() {
        CardFactory f = factory("info");
        assertThat(f.linkable("https://example.org/CPIC/clopidogrel")).isTrue();
        assertThat(f.linkable("https://EXAMPLE.org/x")).isTrue();
        assertThat(f.linkable("http://example.org/CPIC/clopidogrel")).isFalse();
        assertThat(f.linkable("https://example.org.evil.test/x")).isFalse();
        assertThat(f.linkable("https://example.org@evil.test/x")).isFalse();
        assertThat(f.linkable("javascript:alert(1)")).isFalse();
        assertThat(f.linkable("https://evil.test/x")).isFalse();
    }

    @Test
    void anotherDraftOrderIsNotServedFromTheCache() {
        CardFactory f = factory("info");
        List<Finding> findings = List.of(finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer",
                "Strong", Action.AVOID, null, List.of("prasugrel"), "Avoid clopidogrel."));

        Card d1 = cards(f, "clopidogrel", findings, draft("d1")).get(0);
        Card d2 = cards(f, "clopidogrel", findings, draft("d2")).get(0);

        assertThat(d1.suggestions().get(0).actions().get(0).resource().get("id").asString()).isEqualTo("d1");
        assertThat(d2.suggestions().get(0).actions().get(0).resource().get("id").asString()).isEqualTo("d2");
    }
}
