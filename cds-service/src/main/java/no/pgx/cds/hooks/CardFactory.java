package no.pgx.cds.hooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import no.pgx.cds.system.CdsProperties;
import no.pgx.cds.system.PureCache;
import no.pgx.engine.Action;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Finding;
import no.pgx.engine.GuidelineRef;
import no.pgx.engine.GuidelineSource;
import no.pgx.engine.Population;
import no.pgx.engine.Problem;

/**
 * Turns the engine's findings for ordered drugs into CDS Hooks cards.
 *
 * <p>One card per drug and phenotype combination: findings for the same drug and the same phenotypes (CPIC and
 * DPWG, several populations, the same drug in two draft orders) are one card, so the prescriber never sees a repeat
 * within one request (docs/clinical-rules.md#what-a-finding-says). The lead finding (most urgent, then CPIC before DPWG, then
 * stronger) gives summary and source; the detail lists every recommendation with its source and population.
 *
 * <p>Apart from their uuids, the cards are a pure function of the assessments (with the draft orders they concern),
 * the patient, the knowledge version and the language, and repeated calls for one patient repeat these. So the cards
 * are built once per such input (bounded cache) and each call gets copies with fresh card and suggestion uuids:
 * feedback still names exactly the card handed out. Thread-safe.
 */
@Component
public class CardFactory {
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final int SUMMARY_MAX = 139;
    private static final int CACHE_SIZE = 1_024;

    private final CardTexts texts;
    private final CardDetail detail;
    private final SuggestionFactory suggestions;
    private final OverrideReasons overrideReasons;
    private final Urgency minimum;
    private final String topicSystem;
    private final Set<String> linkHosts;
    private final PureCache<OrderCardsKey, List<Card>> built = new PureCache<>(CACHE_SIZE);

    /** Everything the cards of {@link #orderCards} depend on, with value equality. */
    private record OrderCardsKey(List<DrugAssessment> assessments, String patientId, boolean withSuggestions,
                                 String knowledge, String language, List<Problem> unread) {
    }

    public CardFactory(CardTexts texts, CardDetail detail, SuggestionFactory suggestions,
            OverrideReasons overrideReasons, CodeSystems systems, CdsProperties properties) {
        this.texts = texts;
        this.detail = detail;
        this.suggestions = suggestions;
        this.overrideReasons = overrideReasons;
        this.minimum = Urgency.parse(properties.cards().minimumIndicator());
        this.topicSystem = systems.cardTopic();
        this.linkHosts = Set.copyOf(properties.cards().linkHosts().stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * @param assessments    one per ordered substance
     * @param patientId      patient in context
     * @param withSuggestions whether suggestions may be offered (order hooks)
     * @param knowledge      knowledge base version
     * @param language       {@code nb} or {@code en}
     * @return cards, most urgent first
     */
    public List<Card> orderCards(List<DrugAssessment> assessments, String patientId, boolean withSuggestions,
            String knowledge, String language) {
        return orderCards(assessments, patientId, withSuggestions, knowledge, language, List.of());
    }

    /**
     * As {@link #orderCards(List, String, boolean, String, String)}; each card's detail also lists the result reader's
     * problems about the genes that card concerns (an ambiguous HLA typing, conflicting results).
     *
     * @param unread gene-specific problems of the result reader ({@link Problem#gene()} not null)
     */
    public List<Card> orderCards(List<DrugAssessment> assessments, String patientId, boolean withSuggestions,
            String knowledge, String language, List<Problem> unread) {
        List<Card> cards = built.get(new OrderCardsKey(List.copyOf(assessments), patientId, withSuggestions, knowledge,
                language, List.copyOf(unread)), k -> build(k.assessments(), k.patientId(), k.withSuggestions(),
                k.knowledge(), k.language(), k.unread()));
        List<Card> out = new ArrayList<>(cards.size());
        for (Card c : cards) {
            out.add(withNewIds(c));
        }
        return out;
    }

    /** A copy with a new card uuid and new suggestion uuids; everything else is shared (immutable). */
    static Card withNewIds(Card c) {
        List<Suggestion> suggestions = new ArrayList<>(c.suggestions().size());
        for (Suggestion s : c.suggestions()) {
            suggestions.add(new Suggestion(s.label(), UUID.randomUUID().toString(), s.isRecommended(), s.actions()));
        }
        return new Card(UUID.randomUUID().toString(), c.summary(), c.detail(), c.indicator(), c.source(), suggestions,
                c.selectionBehavior(), c.overrideReasons(), c.links());
    }


    /**
     * @param advice the engine's advice for one drug
     * @return true when it gets a card at order time: it recommends something and is at least as urgent as
     *         {@code pgx.cards.minimum-indicator}
     */
    public boolean shown(DrugAdvice advice) {
        return advice.action() != Action.NO_RECOMMENDATION && urgency(advice).compareTo(minimum) >= 0;
    }

    private static Urgency urgency(DrugAdvice advice) {
        return Urgency.parse(advice.indicator().code());
    }

    private List<Card> build(List<DrugAssessment> assessments, String patientId, boolean withSuggestions,
            String knowledge, String language, List<Problem> unread) {
        // One card per drug: the engine gives at most one piece of advice per drug. A drug already taken can be
        // named by the assessments of two ordered drugs (tamoxifen, when paroxetine and fluoxetine are ordered):
        // its first card stays.
        Map<String, Card> cards = new LinkedHashMap<>();
        for (DrugAssessment a : assessments) {
            for (DrugAdvice advice : a.assessment().advice()) {
                if (!shown(advice) || cards.containsKey(advice.drug())) {
                    continue;
                }
                cards.put(advice.drug(), card(advice, a, patientId, withSuggestions, knowledge, language,
                        unreadFor(advice.findings(), unread)));
            }
        }
        List<Card> out = new ArrayList<>(cards.values());
        out.sort(Comparator.comparing((Card c) -> Urgency.parse(c.indicator())).reversed());
        return List.copyOf(out);
    }

    /** The problems about the genes of a card's findings. */
    private static List<Problem> unreadFor(List<Finding> findings, List<Problem> unread) {
        if (unread.isEmpty()) {
            return List.of();
        }
        Set<String> genes = new java.util.HashSet<>();
        CardDetail.genes(findings).forEach(gene -> genes.add(gene.toUpperCase(Locale.ROOT)));
        return unread.stream().filter(p -> p.gene() != null && genes.contains(p.gene().toUpperCase(Locale.ROOT)))
                .toList();
    }

    private Card card(DrugAdvice advice, DrugAssessment ordered, String patientId, boolean withSuggestions,
            String knowledge, String language, List<Problem> unread) {
        List<Suggestion> offered = withSuggestions
                ? suggestions.forAdvice(advice, ordered, patientId, language)
                : List.of();
        return new Card(UUID.randomUUID().toString(),
                shorten(advice.headline().in(language).strip().replaceAll("\\s+", " ")),
                detail.adviceDetail(advice, knowledge, language, unread),
                urgency(advice).wire(),
                source(advice, language),
                offered,
                offered.isEmpty() ? null : "at-most-one",
                overrideReasons.offered(language),
                links(advice.findings(), language));
    }

    /** "CPIC (2022)", "CPIC + DPWG" when both sources agree and are said once; the url is the lead guideline's. */
    Source source(DrugAdvice advice, String language) {
        if (advice.findings().isEmpty()) {
            CardCoding topic = new CardCoding(topicSystem, CodeSystems.TOPIC_CODE, texts.get(language, "topic.display"));
            String label = advice.basisLabel() != null ? advice.basisLabel().in(language) : "PGx";
            return new Source(label, null, topic);
        }
        Source lead = source(advice.findings().get(0), language);
        List<String> names = advice.sources().stream().map(x -> x.toUpperCase(Locale.ROOT)).distinct().toList();
        if (names.size() < 2) {
            return lead;
        }
        String label = String.join(" + ", names.stream().map(n -> texts.getOrDefault(language, "source." + n, n))
                .toList());
        return new Source(label, lead.url(), lead.topic());
    }


    /** The spec requires fewer than 140 characters. */
    static String shorten(String s) {
        if (s.length() <= SUMMARY_MAX) {
            return s;
        }
        int cut = s.lastIndexOf(' ', SUMMARY_MAX - 1);
        return s.substring(0, cut > SUMMARY_MAX / 2 ? cut : SUMMARY_MAX - 1).strip() + "…";
    }

    /** "CPIC (2022)" or "DPWG via PharmGKB (2023)"; the url is the guideline's. */
    Source source(Finding lead, String language) {
        String name = lead.source() == null ? "PGx" : lead.source().label().toUpperCase(Locale.ROOT);
        String label = texts.getOrDefault(language, "source." + name, name);
        GuidelineRef g = lead.guideline();
        if (g != null && g.version() != null) {
            Matcher m = YEAR.matcher(g.version());
            if (m.find()) {
                label += " (" + m.group() + ")";
            }
        }
        CardCoding topic = new CardCoding(topicSystem, CodeSystems.TOPIC_CODE, texts.get(language, "topic.display"));
        return new Source(label, g == null || !linkable(g.url()) ? null : g.url(), topic);
    }

    /** Cards link only to https pages of the guideline publishers ({@code pgx.cards.link-hosts}). */
    boolean linkable(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            java.net.URI u = new java.net.URI(url.trim());
            return "https".equalsIgnoreCase(u.getScheme()) && u.getRawUserInfo() == null && u.getHost() != null
                    && linkHosts.contains(u.getHost().toLowerCase(Locale.ROOT));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    List<Link> links(List<Finding> findings, String language) {
        Map<String, Link> links = new LinkedHashMap<>();
        for (Finding f : findings) {
            GuidelineRef g = f.guideline();
            if (g == null || !linkable(g.url()) || links.containsKey(g.url())) {
                continue;
            }
            String source = f.source() == null ? "" : f.source().label();
            String label;
            if (g.title() == null || g.title().isBlank()) {
                label = texts.get(language, "link.guideline.untitled", source, suggestions.name(f.drug(), language));
            } else if (!source.isEmpty() && g.title().toUpperCase(Locale.ROOT).contains(source.toUpperCase(Locale.ROOT))) {
                // the title names its source; in Bokmål the (English) title is quoted as a title
                label = texts.get(language, "link.guideline.named", source, g.title());
            } else {
                label = texts.get(language, "link.guideline", source, g.title());
            }
            links.put(g.url(), Link.absolute(label, g.url()));
        }
        return new ArrayList<>(links.values());
    }

    /** Most urgent first; then CPIC before DPWG; then the stronger recommendation; then the general population. */
    static final Comparator<Finding> LEAD_FIRST = Comparator
            .comparing((Finding f) -> Urgency.of(f.action())).reversed()
            .thenComparing(f -> f.source() == GuidelineSource.CPIC ? 0 : 1)
            .thenComparing(f -> strengthRank(f.strength().label()))
            .thenComparing(f -> Population.GENERAL.equalsIgnoreCase(f.population().id()) ? 0 : 1);

    private static int strengthRank(String strength) {
        if (strength == null) {
            return 3;
        }
        return switch (strength.toLowerCase(Locale.ROOT)) {
            case "strong" -> 0;
            case "moderate" -> 1;
            case "optional" -> 2;
            default -> 3;
        };
    }

}
