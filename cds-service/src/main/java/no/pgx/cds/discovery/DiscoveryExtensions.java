package no.pgx.cds.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import no.pgx.cds.hooks.CardTexts;
import no.pgx.cds.hooks.CodeSystems;
import no.pgx.cds.hooks.OverrideReasons;
import no.pgx.cds.hooks.RequestExtensions;
import no.pgx.cds.knowledge.KnowledgeInfo;
import no.pgx.cds.system.Language;

/**
 * The {@code extension} object of each service in discovery (CDS Hooks 2.0, "Extensions"): which knowledge the
 * cards come from ({@value KnowledgeInfo#EXTENSION}), this service's own codes ({@value #CARD_CODES}) and the keys a
 * client may put in a request's own {@code extension} object ({@value #REQUEST_EXTENSIONS}). Built once; immutable.
 */
@Component
public class DiscoveryExtensions {
    /** The extension key of the card codes. */
    public static final String CARD_CODES = "no.pgx.cards";
    /** The extension key that describes the request extensions this service reads. */
    public static final String REQUEST_EXTENSIONS = "no.pgx.request-extensions";

    private static final List<String> LANGUAGES = List.of(Language.NB, Language.EN);

    private final Map<String, Object> extension;

    public DiscoveryExtensions(KnowledgeInfo knowledge, CodeSystems systems, OverrideReasons reasons, CardTexts texts,
            RequestExtensions requests) {
        CardCodes.Code topic = new CardCodes.Code(systems.cardTopic(), CodeSystems.TOPIC_CODE,
                perLanguage(l -> texts.get(l, "topic.display")), null);
        List<CardCodes.Code> overrides = OverrideReasons.CODES.stream()
                .map(code -> new CardCodes.Code(reasons.system(), code, perLanguage(l -> reasons.display(code, l)),
                        perLanguage(l -> reasons.meaning(code, l))))
                .toList();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(KnowledgeInfo.EXTENSION, knowledge.description());
        e.put(CARD_CODES, new CardCodes(topic, overrides));
        e.put(REQUEST_EXTENSIONS, requestExtensions(requests));
        this.extension = java.util.Collections.unmodifiableMap(e);
    }

    /** @return the extension object of every service descriptor */
    public Map<String, Object> extension() {
        return extension;
    }

    /** What a client may send in the request's {@code extension} object, and the values accepted. */
    private static Map<String, Object> requestExtensions(RequestExtensions requests) {
        Map<String, Object> ancestry = new LinkedHashMap<>();
        ancestry.put("type", "string or array of strings");
        ancestry.put("description", "The patient's ancestry groups, as the engine takes them; the groups the "
                + "knowledge uses are listed (han-chinese or thai: test HLA-B*15:02 before carbamazepine or "
                + "oxcarbazepine, as information). Also read from the Patient's US Core race extension (CDC codes "
                + "2028-9, 2034-7, 2046-1).");
        ancestry.put("groups", requests.groupsUsed());
        Map<String, Object> population = new LinkedHashMap<>();
        population.put("type", "string");
        population.put("description", "The recommendation population of every draft order of the call, when the "
                + "client knows it (without it the population is derived from the order's reasonCode, the "
                + "Conditions and the age).");
        population.put("values", List.copyOf(requests.populations()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(RequestExtensions.ANCESTRY, ancestry);
        out.put(RequestExtensions.POPULATION, population);
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Map<String, String> perLanguage(java.util.function.Function<String, String> text) {
        Map<String, String> out = new LinkedHashMap<>();
        LANGUAGES.forEach(l -> out.put(l, text.apply(l)));
        return out;
    }
}
