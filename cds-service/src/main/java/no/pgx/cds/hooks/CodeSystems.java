package no.pgx.cds.hooks;

import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import no.pgx.cds.system.CdsProperties;

/**
 * The URIs of this service's own code systems: the card topic ({@code source.topic}) and the override reasons. They
 * live in a namespace the deployer sets ({@code pgx.cards.code-system-base}), because a code system URI names its
 * owner and the project owns no domain.
 *
 * <p>The default, {@value #PLACEHOLDER_BASE}, is a placeholder: RFC 6963 reserves the {@code example} URN namespace
 * for examples, tests and trials, so it can never clash with anyone's registered namespace, and a card or feedback
 * record that carries it shows at once that the namespace was never configured. An unregistered URN namespace (such
 * as {@code urn:pgx:}) is not a valid URN (RFC 8141) and could be registered by someone else later; an {@code https}
 * URL claims a domain. A production deployment sets an https URL under its own domain, or names each system in full
 * ({@code pgx.cards.card-topic-system}, {@code pgx.cards.override-reason-system}), e.g. with OIDs it owns.
 *
 * <p>Systems are derived as {@code <base>/card-topic} and {@code <base>/override-reason}, with {@code :} instead of
 * {@code /} for a {@code urn:} base. A base that is not an absolute URI stops the service at start-up with a message
 * naming the property. Immutable.
 */
@Component
public class CodeSystems {
    private static final Logger LOG = LoggerFactory.getLogger(CodeSystems.class);

    /** The placeholder namespace used when the deployer sets none. */
    public static final String PLACEHOLDER_BASE = "urn:example:pgx-cds";
    /** The code of the one card topic. */
    public static final String TOPIC_CODE = "pharmacogenomics";

    /** scheme ":" then no white space, no query and no fragment. */
    private static final Pattern ABSOLUTE_URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s?#]+");

    private final String cardTopic;
    private final String overrideReason;

    public CodeSystems(CdsProperties properties) {
        CdsProperties.Cards cards = properties.cards();
        String base = uri("pgx.cards.code-system-base", cards.codeSystemBase() == null || cards.codeSystemBase().isBlank()
                ? PLACEHOLDER_BASE : cards.codeSystemBase());
        this.cardTopic = system(base, "card-topic", "pgx.cards.card-topic-system", cards.cardTopicSystem());
        this.overrideReason = system(base, "override-reason", "pgx.cards.override-reason-system",
                cards.overrideReasonSystem());
        if (cardTopic.startsWith(PLACEHOLDER_BASE) || overrideReason.startsWith(PLACEHOLDER_BASE)) {
            LOG.info("Card code systems use the placeholder namespace {}: set pgx.cards.code-system-base to a "
                    + "namespace your organisation controls before cards and feedback are kept", PLACEHOLDER_BASE);
        }
    }

    /** @return the URI of the card topic code system */
    public String cardTopic() {
        return cardTopic;
    }

    /** @return the URI of the override-reason code system */
    public String overrideReason() {
        return overrideReason;
    }

    /**
     * @param base the namespace (already checked)
     * @param name the system's name within it
     * @return {@code base/name}, or {@code base:name} for a {@code urn:} base
     */
    static String join(String base, String name) {
        return base.toLowerCase(Locale.ROOT).startsWith("urn:") ? base + ":" + name : base + "/" + name;
    }

    private static String system(String base, String name, String property, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return uri(property, explicit);
        }
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.startsWith("urn:oid:") || lower.startsWith("urn:uuid:")) {
            // An OID or a UUID names one thing: nothing can be appended to it.
            throw new IllegalStateException("pgx.cards.code-system-base '" + base + "' is an OID or UUID, which cannot "
                    + "be extended with '" + name + "': set " + property + " to the full URI of that code system");
        }
        return join(base, name);
    }

    private static String uri(String property, String value) {
        String v = value.strip();
        while (v.endsWith("/") || v.endsWith(":")) {
            v = v.substring(0, v.length() - 1);
        }
        if (!ABSOLUTE_URI.matcher(v).matches()) {
            throw new IllegalStateException(property + " must be an absolute URI without query or fragment, such as "
                    + "https://fhir.example-hospital.no/CodeSystem/pgx or urn:oid:<an OID you own>; got '" + value + "'");
        }
        return v;
    }
}
