package no.pgx.cds.hooks;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The coded override reasons offered on order cards (CDS Hooks 2.0, "Reasons for rejecting a card"). The code
 * system is this service's own ({@link CodeSystems#overrideReason()}); displays and meanings are localised and
 * published in discovery. Feedback is checked against the codes of the card it concerns. Thread-safe.
 */
@Component
public class OverrideReasons {
    /** The codes, in the order they are offered. */
    public static final List<String> CODES = List.of("patient-tolerates-drug", "benefit-outweighs-risk",
            "result-outdated-or-incorrect", "will-monitor");

    private final String system;
    private final CardTexts texts;

    public OverrideReasons(CodeSystems systems, CardTexts texts) {
        this.system = systems.overrideReason();
        this.texts = texts;
    }

    /** @return the reasons with displays in the given language */
    public List<CardCoding> offered(String language) {
        return CODES.stream().map(code -> new CardCoding(system, code, texts.get(language, "override." + code))).toList();
    }

    /**
     * @param code     one of {@link #CODES}
     * @param language {@code nb} or {@code en}
     * @return what choosing the reason means, in one sentence
     */
    public String meaning(String code, String language) {
        return texts.get(language, "override." + code + ".meaning");
    }

    /**
     * @param code     one of {@link #CODES}
     * @param language {@code nb} or {@code en}
     * @return the display offered on cards
     */
    public String display(String code, String language) {
        return texts.get(language, "override." + code);
    }

    /** @return the code system URI of the reasons */
    public String system() {
        return system;
    }
}
