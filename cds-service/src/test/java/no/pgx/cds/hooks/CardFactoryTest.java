package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import no.pgx.cds.system.CdsProperties;
import no.pgx.engine.Action;
import no.pgx.engine.AdviceBasis;
import no.pgx.engine.AlternativeStatus;
import no.pgx.engine.Assessment;
import no.pgx.engine.CheckedAlternative;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Indicator;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.GuidelineRef;
import no.pgx.engine.GuidelineSource;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Population;
import no.pgx.engine.Problem;
import no.pgx.engine.Provenance;
import no.pgx.engine.ResultState;
import no.pgx.engine.Strength;
import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.drug.DrugMatch;
import no.pgx.terminology.drug.MatchKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The card rules of the web layer over synthetic advice (independent of the rule base): one card per piece of the
 * engine's advice, its headline as summary, indicator, source label, suggestions only for what the engine marked
 * one-click, detail with unread results and the knowledge line, minimum indicator, cache with fresh ids.
 */
class CardFactoryTest {
    private static final DrugCatalog CATALOG = DrugCatalog.loadDefault();

    private static CardFactory factory(String minimum) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("cds-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        CdsProperties properties = new CdsProperties("nb", new CdsProperties.Cards(minimum, "https://pgx.test/cs", "PGx",
                List.of("example.org"), "", "", false),
                new CdsProperties.Cors(List.of(), 0));
        CardTexts texts = new CardTexts(messages);
        SuggestionFactory suggestions = new SuggestionFactory(CATALOG, texts);
        CardDetail detail = new CardDetail(texts, new PhenotypeLabels(), suggestions);
        CodeSystems systems = new CodeSystems(properties);
        return new CardFactory(texts, detail, suggestions, new OverrideReasons(systems, texts), systems, properties);
    }

    private static Finding finding(String drug, String source, String population, String gene, String phenotype,
            String strength, Action action, String dosePercent, List<String> alternatives, String summary) {
        return Finding.builder().drug(drug).source(GuidelineSource.of(source))
                .population(new Population(population, new LocalizedText(population, population)))
                .lookupKey(Map.of(gene, phenotype)).phenotypes(Map.of(gene, phenotype))
                .strength(Strength.of(strength)).action(action).dosePercent(dosePercent).alternatives(alternatives)
                .summary(new LocalizedText(summary, summary))
                .guideline(new GuidelineRef("PA1", GuidelineSource.of(source), source + " " + drug, "2022-01",
                        "https://example.org/" + source + "/" + drug))
                .recommendationId("PA-" + source + population).build();
    }

    private static Assessment assessment(List<DrugAdvice> advice) {
        GeneResult r = GeneResult.builder().gene("CYP2C19").diplotypeAsWritten("*2/*2").diplotype("*2/*2")
                .phenotype("Poor Metabolizer").lookupKey("Poor Metabolizer").state(ResultState.ACTIONABLE)
                .provenance(new Provenance("obs-1", LocalDate.of(2024, 3, 1), "Lab A", List.of())).build();
        List<Finding> findings = advice.stream().flatMap(a -> a.findings().stream()).toList();
        return new Assessment(List.of(r), List.of(), findings, List.of(), "test-knowledge", advice, List.of());
    }

    private static LocalizedText text(String en, String nb) {
        return new LocalizedText(en, nb);
    }

    private static CheckedAlternative alternative(String drug, boolean oneClick, String caution) {
        CheckedAlternative.Builder b = CheckedAlternative.builder().drug(drug, text(drug, drug)).replaces("clopidogrel")
                .status(caution == null ? AlternativeStatus.SUITABLE : AlternativeStatus.CAUTION).oneClick(oneClick)
                .namedBy("CPIC");
        if (caution != null) {
            b.reason(text(caution, caution));
        }
        return b.build();
    }

    /** Advice as the engine gives it for CYP2C19 *2/*2 and clopidogrel, with the given action and alternatives. */
    private static DrugAdvice advice(String drug, Action action, Indicator indicator, boolean conditional,
            boolean oneClickDose, List<String> sources, CheckedAlternative... alternatives) {
        List<Finding> findings = sources.stream().map(s -> finding(drug, s, "general", "CYP2C19", "Poor Metabolizer",
                "Strong", action, action == Action.REDUCE_DOSE ? "50" : null,
                java.util.Arrays.stream(alternatives).map(CheckedAlternative::drug).toList(), s + " row")).toList();
        DrugAdvice.Builder b = DrugAdvice.builder().drug(drug, text(drug, drug)).action(action, indicator)
                .basis(AdviceBasis.GENOTYPE, null)
                .text(text("Headline for " + drug, "Overskrift for " + drug),
                        text("- CYP2C19: *2/*2, poor metabolizer\n\n**CPIC** advice for " + drug,
                                "- CYP2C19: *2/*2, langsom omsetter\n\n**CPIC** råd for " + drug))
                .findings(findings).conditional(conditional, oneClickDose).genes(List.of("CYP2C19")).sources(sources);
        for (CheckedAlternative a : alternatives) {
            b.alternative(a);
        }
        return b.build();
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

    private static List<Card> cards(CardFactory f, String drug, List<DrugAdvice> advice, MedicationLine... drafts) {
        return f.orderCards(List.of(new DrugAssessment(drug, List.of(drafts), assessment(advice))), "p1", true,
                "test-knowledge", "en");
    }

    @Test
    void oneCardPerAdviceWithItsHeadlineIndicatorDetailAndBothSourcesSaidOnce() {
        DrugAdvice a = advice("clopidogrel", Action.AVOID, Indicator.CRITICAL, false, false, List.of("CPIC", "DPWG"),
                alternative("prasugrel", true, null), alternative("ticagrelor", true, null));

        List<Card> cards = cards(factory("info"), "clopidogrel", List.of(a), draft("d1"));

        assertThat(cards).hasSize(1);
        Card card = cards.get(0);
        assertThat(card.summary()).isEqualTo("Headline for clopidogrel");
        assertThat(card.indicator()).isEqualTo("critical");
        assertThat(card.source().label()).isEqualTo("CPIC + DPWG via PharmGKB");
        assertThat(card.detail()).startsWith("- CYP2C19: *2/*2, poor metabolizer").contains("**CPIC** advice")
                .contains("_Knowledge base `test-knowledge`");
        assertThat(card.suggestions()).extracting(Suggestion::label)
                .containsExactly("Replace clopidogrel with prasugrel", "Replace clopidogrel with ticagrelor");
        assertThat(card.selectionBehavior()).isEqualTo("at-most-one");
        assertThat(card.overrideReasons()).hasSize(4).allMatch(r -> r.display() != null);
        Card nb = factory("info").orderCards(List.of(new DrugAssessment("clopidogrel", List.of(draft("d1")),
                assessment(List.of(a)))), "p1", true, "test-knowledge", "nb").get(0);
        assertThat(nb.summary()).isEqualTo("Overskrift for clopidogrel");
        assertThat(nb.detail()).contains("langsom omsetter");
    }

    @Test
    void onlyAlternativesTheEngineMarkedOneClickBecomeSuggestions() {
        DrugAdvice a = advice("clopidogrel", Action.AVOID, Indicator.CRITICAL, false, false, List.of("CPIC"),
                alternative("prasugrel", false, "not from 75 years"), alternative("ticagrelor", true, null));

        Card card = cards(factory("info"), "clopidogrel", List.of(a), draft("d1")).get(0);

        assertThat(card.suggestions()).extracting(Suggestion::label).containsExactly(
                "Replace clopidogrel with ticagrelor");
        JsonNode order = card.suggestions().get(0).actions().get(0).resource();
        assertThat(order.get("id").asString()).isEqualTo("d1");
        assertThat(order.toString()).contains("ticagrelor").doesNotContain("clopidogrel\"");
    }

    @Test
    void conditionalAdviceOffersNoSuggestionAtAll() {
        DrugAdvice a = advice("clopidogrel", Action.AVOID, Indicator.CRITICAL, true, false, List.of("CPIC"),
                alternative("ticagrelor", true, null));

        Card card = cards(factory("info"), "clopidogrel", List.of(a), draft("d1")).get(0);

        assertThat(card.suggestions()).isEmpty();
        assertThat(card.selectionBehavior()).isNull();
    }

    @Test
    void aDoseChangeIsOfferedOnlyWhenTheEngineMarksItOneClick() {
        DrugAdvice oneClick = advice("clopidogrel", Action.REDUCE_DOSE, Indicator.WARNING, false, true,
                List.of("CPIC"));
        DrugAdvice notOneClick = advice("clopidogrel", Action.REDUCE_DOSE, Indicator.WARNING, false, false,
                List.of("CPIC"));

        Card card = cards(factory("info"), "clopidogrel", List.of(oneClick), draft("d1")).get(0);
        assertThat(card.indicator()).isEqualTo("warning");
        assertThat(card.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.label()).contains("50");
            assertThat(s.actions().get(0).type()).isEqualTo("update");
        });
        assertThat(cards(factory("info"), "clopidogrel", List.of(notOneClick), draft("d1")).get(0).suggestions())
                .isEmpty();
    }

    @Test
    void aTestBeforeStartProposesAGenotypeTestOrder() {
        Finding test = finding("abacavir", "CPIC", "general", "HLA-B", GeneResult.NO_RESULT, "Strong",
                Action.TEST_REQUIRED, null, List.of(), "test HLA-B*57:01 before the first dose");
        DrugAdvice a = DrugAdvice.builder().drug("abacavir", text("abacavir", "abakavir"))
                .action(Action.TEST_REQUIRED, Indicator.CRITICAL).basis(AdviceBasis.TEST_BEFORE_START, null)
                .text(text("Abacavir: test HLA-B*57:01", "Abakavir: test HLA-B*57:01"), text("- HLA-B: no result",
                        "- HLA-B: intet resultat")).findings(List.of(test)).genes(List.of("HLA-B"))
                .sources(List.of("CPIC")).build();

        Card card = cards(factory("info"), "abacavir", List.of(a), draft("d1")).get(0);

        assertThat(card.suggestions()).singleElement().satisfies(s ->
                assertThat(s.actions().get(0).resource().get("resourceType").asString()).isEqualTo("ServiceRequest"));
    }

    @Test
    void aTestOfThePhenotypeWithTheGenotypeOnFileProposesNoGenotypingOrder() {
        // G6PD Variable and rasburicase: measure the enzyme activity (curation/test-actions.csv), not genotyping again
        DrugAdvice a = DrugAdvice.builder().drug("rasburicase", text("rasburicase", "rasburikase"))
                .action(Action.TEST_REQUIRED, Indicator.WARNING).basis(AdviceBasis.GENOTYPE, null)
                .text(text("Rasburicase: measure G6PD enzyme activity", "Rasburikase: mål G6PD-enzymaktivitet"),
                        text("- G6PD: variable", "- G6PD: variabel"))
                .findings(List.of(finding("rasburicase", "CPIC", "general", "G6PD", "Variable", "Moderate",
                        Action.TEST_REQUIRED, null, List.of(), "measure G6PD enzyme activity")))
                .genes(List.of("G6PD")).sources(List.of("CPIC")).build();

        Card card = cards(factory("info"), "rasburicase", List.of(a), draft("d1")).get(0);

        assertThat(card.suggestions()).isEmpty();
    }

    @Test
    void adviceOnADrugAlreadyTakenChangesOnlyTheDraftOfTheOrderedDrug() {
        // Paroxetine ordered for a patient on tamoxifen: the card is about tamoxifen; the alternative replaces the
        // ordered paroxetine, never the tamoxifen the patient takes.
        CheckedAlternative sertraline = CheckedAlternative.builder().drug("sertraline", text("sertraline", "sertralin"))
                .replaces("paroxetine").status(AlternativeStatus.SUITABLE).oneClick(true).namedBy("CPIC").build();
        CheckedAlternative anastrozole = CheckedAlternative.builder().drug("anastrozole", text("anastrozole", "anastrozol"))
                .replaces("tamoxifen").status(AlternativeStatus.SUITABLE).oneClick(true).namedBy("CPIC").build();
        DrugAdvice a = DrugAdvice.builder().drug("tamoxifen", text("tamoxifen", "tamoksifen"))
                .action(Action.CONSIDER_ALTERNATIVE, Indicator.WARNING).basis(AdviceBasis.INTERACTION, null)
                .text(text("Tamoxifen: paroxetine inhibits CYP2D6", "x"), text("detail", "detalj"))
                .findings(List.of(finding("tamoxifen", "CPIC", "general", "CYP2D6", "Poor Metabolizer", "Strong",
                        Action.CONSIDER_ALTERNATIVE, null, List.of(), "row")))
                .alternative(sertraline).alternative(anastrozole).interaction("paroxetine").causedBy("paroxetine")
                .genes(List.of("CYP2D6")).sources(List.of("CPIC")).build();

        Card card = cards(factory("info"), "paroxetine", List.of(a), draft("d1")).get(0);

        assertThat(card.summary()).startsWith("Tamoxifen");
        assertThat(card.suggestions()).extracting(Suggestion::label).containsExactly(
                "Replace paroxetine with sertraline");
    }

    /** A problem the result reader had with one gene goes under the cards for that gene, and only those. */
    @Test
    void aGeneProblemIsListedOnTheCardsOfThatGeneOnly() {
        DrugAdvice clopidogrel = advice("clopidogrel", Action.AVOID, Indicator.CRITICAL, false, false, List.of("CPIC"));
        Problem c19 = new Problem("CYP2C19", "diplotype", "CYP2C19: results of the same date differ <b>");
        Problem d6 = new Problem("CYP2D6", "value", "Observation d6 (CYP2D6) has no value");

        Card card = factory("info").orderCards(List.of(new DrugAssessment("clopidogrel", List.of(draft("d1")),
                assessment(List.of(clopidogrel)))), "p1", true, "test-knowledge", "en", List.of(c19, d6)).get(0);

        assertThat(card.detail()).contains("Results on file not used for this advice")
                .contains("results of the same date differ \\<b\\>").doesNotContain("Observation d6");
        assertThat(card.detail().indexOf("same date")).isLessThan(card.detail().indexOf("_Knowledge"));
    }

    @Test
    void noRecommendationGivesNoCardAndTheMinimumIndicatorFilters() {
        DrugAdvice none = advice("clopidogrel", Action.NO_RECOMMENDATION, Indicator.INFO, false, false, List.of("CPIC"));
        DrugAdvice monitor = advice("clopidogrel", Action.MONITOR, Indicator.INFO, false, false, List.of("CPIC"));

        assertThat(cards(factory("info"), "clopidogrel", List.of(none), draft("d1"))).isEmpty();
        assertThat(cards(factory("info"), "clopidogrel", List.of(monitor), draft("d1"))).hasSize(1);
        assertThat(cards(factory("warning"), "clopidogrel", List.of(monitor), draft("d1"))).isEmpty();
    }

    @Test
    void aDraftWithoutIdGetsNoSuggestions() {
        DrugAdvice a = advice("clopidogrel", Action.AVOID, Indicator.CRITICAL, false, false, List.of("CPIC"),
                alternative("ticagrelor", true, null));

        assertThat(cards(factory("info"), "clopidogrel", List.of(a), draft(null)).get(0).suggestions()).isEmpty();
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
        List<DrugAdvice> advice = List.of(advice("clopidogrel", Action.AVOID, Indicator.CRITICAL, false, false,
                List.of("CPIC"), alternative("prasugrel", true, null)));

        Card first = cards(f, "clopidogrel", advice, draft("d1")).get(0);
        Card second = cards(f, "clopidogrel", advice, draft("d1")).get(0);

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
    void guidelineTitlesKeepTheirLanguageAndAreQuotedAsTitlesInBokmal() {
        CardFactory f = factory("info");
        Finding titled = finding("clopidogrel", "CPIC", "general", "CYP2C19", "Poor Metabolizer", "Strong",
                Action.AVOID, null, List.of(), "row");
        Finding untitledSource = titled.toBuilder().source(GuidelineSource.DPWG).guideline(new GuidelineRef("PA2",
                GuidelineSource.DPWG, "Clopidogrel and CYP2C19", "2024", "https://example.org/dpwg")).build();

        assertThat(f.links(List.of(titled, untitledSource), "nb")).extracting(Link::label)
                .containsExactly("Retningslinje: «CPIC clopidogrel»", "DPWG-retningslinje: «Clopidogrel and CYP2C19»");
        assertThat(f.links(List.of(titled, untitledSource), "en")).extracting(Link::label)
                .containsExactly("CPIC clopidogrel", "DPWG guideline: Clopidogrel and CYP2C19");
    }

    @Test
    void anotherDraftOrderIsNotServedFromTheCache() {
        CardFactory f = factory("info");
        List<DrugAdvice> advice = List.of(advice("clopidogrel", Action.AVOID, Indicator.CRITICAL, false, false,
                List.of("CPIC"), alternative("prasugrel", true, null)));

        Card d1 = cards(f, "clopidogrel", advice, draft("d1")).get(0);
        Card d2 = cards(f, "clopidogrel", advice, draft("d2")).get(0);

        assertThat(d1.suggestions().get(0).actions().get(0).resource().get("id").asString()).isEqualTo("d1");
        assertThat(d2.suggestions().get(0).actions().get(0).resource().get("id").asString()).isEqualTo("d2");
    }
}
