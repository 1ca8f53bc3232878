package no.pgx.cds.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import no.pgx.cds.hooks.CardTexts;
import no.pgx.cds.hooks.CodeSystems;
import no.pgx.cds.hooks.OverrideReasons;
import no.pgx.cds.knowledge.KnowledgeInfo;
import no.pgx.cds.system.Language;

/**
 * The {@code extension} object of each service in discovery (CDS Hooks 2.0, "Extensions"): which knowledge the
 * cards come from ({@value KnowledgeInfo#EXTENSION}) and this service's own codes ({@value #CARD_CODES}). Built once;
 * immutable.
 */
@Component
public class DiscoveryExtensions {
    /** The extension key of the card codes. */
    public static final String CARD_CODES = "no.pgx.cards";

    private static final List<String> LANGUAGES = List.of(Language.NB, Language.EN);

    private final Map<String, Object> extension;

    public DiscoveryExtensions(KnowledgeInfo knowledge, CodeSystems systems, OverrideReasons reasons, CardTexts texts) {
        CardCodes.Code topic = new CardCodes.Code(systems.cardTopic(), CodeSystems.TOPIC_CODE,
                perLanguage(l -> texts.get(l, "topic.display")), null);
        List<CardCodes.Code> overrides = OverrideReasons.CODES.stream()
                .map(code -> new CardCodes.Code(reasons.system(), code, perLanguage(l -> reasons.display(code, l)),
                        perLanguage(l -> reasons.meaning(code, l))))
                .toList();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(KnowledgeInfo.EXTENSION, knowledge.description());
        e.put(CARD_CODES, new CardCodes(topic, overrides));
        this.extension = java.util.Collections.unmodifiableMap(e);
    }

    /** @return the extension object of every service descriptor */
    public Map<String, Object> extension() {
        return extension;
    }

    private static Map<String, String> perLanguage(java.util.function.Function<String, String> text) {
        Map<String, String> out = new LinkedHashMap<>();
        LANGUAGES.forEach(l -> out.put(l, text.apply(l)));
        return out;
    }
}
