package no.pgx.cds.hooks;

import java.util.List;

import org.springframework.stereotype.Component;

import no.pgx.cds.system.CdsProperties;

/**
 * The coded override reasons offered on order cards (CDS Hooks 2.0, "Reasons for rejecting a card"). The code
 * system is this service's own ({@code <pgx.cards.code-system-base>/override-reason}); displays are localised.
 * Feedback is checked against these codes. Thread-safe.
 */
@Component
public class OverrideReasons {
    /** The codes, in the order they are offered. */
    public static final List<String> CODES = List.of("patient-tolerates-drug", "benefit-outweighs-risk",
            "result-outdated-or-incorrect", "will-monitor");

    private final String system;
    private final CardTexts texts;

    public OverrideReasons(CdsProperties properties, CardTexts texts) {
        this.system = properties.cards().codeSystemBase() + "/override-reason";
        this.texts = texts;
    }

    /** @return the reasons with displays in the given language */
    public List<Coding> offered(String language) {
        return CODES.stream().map(code -> new Coding(system, code, texts.get(language, "override." + code))).toList();
    }

    /** @return the code system URI of the reasons */
    public String system() {
        return system;
    }
}
