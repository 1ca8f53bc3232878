package no.pgx.cds.hooks;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import no.pgx.engine.Problem;

/**
 * Says what of the patient's PGx results could not be used, so that an answer without advice never looks like "no
 * findings": an {@code info} card "PGx results on file could not be used" listing each problem (and, when nothing
 * could be read at all, each note) as the result reader reported it (resource id and why), and the same list under
 * the detail of a drug's card for the genes that card concerns. Reader messages quote lab values and ids: every one is
 * escaped ({@link Markdown#text}) and shortened; at most {@value #MAX_LINES} are listed. Thread-safe.
 */
@Component
public class UnreadResultsCard {
    /** The most lines a list shows; the rest are counted. */
    static final int MAX_LINES = 20;
    /** The longest reader message shown, in characters. */
    static final int MAX_MESSAGE = 400;

    private final CardTexts texts;
    private final String topicSystem;

    public UnreadResultsCard(CardTexts texts, CodeSystems systems) {
        this.texts = texts;
        this.topicSystem = systems.cardTopic();
    }

    /**
     * @param problems    data that could not be used
     * @param notes       data deliberately not used; listed only when {@code nothingRead}
     * @param nothingRead true when no gene result at all could be read
     * @param language    {@code nb} or {@code en}
     * @return the info card
     */
    public Card card(List<Problem> problems, List<Problem> notes, boolean nothingRead, String language) {
        StringBuilder md = new StringBuilder(texts.get(language, nothingRead ? "unread.nothingRead" : "unread.some"));
        if (!problems.isEmpty()) {
            md.append("\n\n**").append(texts.get(language, "unread.problems")).append("**\n\n")
                    .append(list(problems, texts, language));
        }
        if (nothingRead && !notes.isEmpty()) {
            md.append("\n\n**").append(texts.get(language, "unread.notes")).append("**\n\n")
                    .append(list(notes, texts, language));
        }
        Source source = new Source(texts.get(language, "unread.source"), null,
                new CardCoding(topicSystem, CodeSystems.TOPIC_CODE, texts.get(language, "topic.display")));
        return new Card(UUID.randomUUID().toString(), CardFactory.shorten(texts.get(language, "unread.summary")),
                md.toString(), Urgency.INFO.wire(), source, List.of(), null, List.of(), List.of());
    }

    /**
     * @return a Markdown list, one line per item ({@code - **GENE**: message}), at most {@value #MAX_LINES} lines and a
     *         count of the rest; no trailing line break
     */
    static String list(List<Problem> items, CardTexts texts, String language) {
        StringBuilder md = new StringBuilder();
        int shown = Math.min(items.size(), MAX_LINES);
        for (int i = 0; i < shown; i++) {
            Problem p = items.get(i);
            if (i > 0) {
                md.append('\n');
            }
            md.append("- ");
            if (p.gene() != null && !p.gene().isBlank()) {
                md.append("**").append(Markdown.text(p.gene())).append("**: ");
            }
            String message = p.message().strip();
            if (message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE - 1) + "…";
            }
            md.append(Markdown.text(message));
        }
        if (items.size() > shown) {
            md.append("\n\n").append(texts.get(language, "unread.more", items.size() - shown));
        }
        return md.toString();
    }
}
