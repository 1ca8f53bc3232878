package no.pgx.cds.feedback;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import no.pgx.cds.hooks.CardCoding;
import no.pgx.cds.system.CdsRequestException;

/**
 * Validates feedback against the cards this service issued and stores it (CDS Hooks 2.0, "Feedback"): the card must
 * have been issued by the same service, accepted suggestions must be the card's, an override reason must be one the
 * card offered. The whole request is checked before anything is stored. Thread-safe.
 */
@Service
public class FeedbackService {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);
    /** Most feedback items accepted in one request. */
    static final int MAX_ITEMS = 500;

    private final FeedbackStore store;
    private final FeedbackProperties properties;

    public FeedbackService(FeedbackStore store, FeedbackProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /**
     * @param serviceId the service the feedback was posted to (already known to exist)
     * @param request   the body
     * @throws CdsRequestException (400) naming the first item and field at fault
     */
    public void accept(String serviceId, FeedbackRequest request) {
        if (request == null || request.feedback() == null) {
            throw CdsRequestException.badRequest("feedback", "feedback is required");
        }
        List<Feedback> items = request.feedback();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw CdsRequestException.badRequest("feedback", "feedback must hold 1 to " + MAX_ITEMS + " items");
        }
        List<Feedback> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            valid.add(check(serviceId, items.get(i), "feedback[" + i + "]"));
        }
        store.append(serviceId, valid);
        LOG.info("Stored {} feedback item(s) for {}", valid.size(), serviceId);
    }

    /**
     * @return stored feedback for a service, newest first
     */
    public FeedbackList list(String serviceId, int limit) {
        return new FeedbackList(store.list(serviceId, Math.max(1, Math.min(limit, 1000))));
    }

    private Feedback check(String serviceId, Feedback f, String at) {
        if (f == null) {
            throw CdsRequestException.badRequest(at, at + " must be an object");
        }
        if (blank(f.card())) {
            throw CdsRequestException.badRequest(at + ".card", at + ".card is required");
        }
        IssuedCard card = store.findIssued(f.card()).filter(c -> c.serviceId().equals(serviceId))
                .orElseThrow(() -> CdsRequestException.badRequest(at + ".card", at + ".card '" + safe(f.card())
                        + "' is not a card issued by " + serviceId));
        if (!"accepted".equals(f.outcome()) && !"overridden".equals(f.outcome())) {
            throw CdsRequestException.badRequest(at + ".outcome", at + ".outcome must be 'accepted' or 'overridden'");
        }
        if (blank(f.outcomeTimestamp())) {
            throw CdsRequestException.badRequest(at + ".outcomeTimestamp", at + ".outcomeTimestamp is required");
        }
        try {
            OffsetDateTime.parse(f.outcomeTimestamp());
        } catch (DateTimeParseException e) {
            throw CdsRequestException.badRequest(at + ".outcomeTimestamp",
                    at + ".outcomeTimestamp must be an ISO 8601 timestamp with offset, e.g. 2020-12-11T00:00:00Z");
        }
        if ("accepted".equals(f.outcome())) {
            checkAccepted(f, card, at);
        } else {
            checkOverridden(f, card, at);
        }
        return f;
    }

    private static void checkAccepted(Feedback f, IssuedCard card, String at) {
        if (f.acceptedSuggestions() == null || f.acceptedSuggestions().isEmpty()) {
            throw CdsRequestException.badRequest(at + ".acceptedSuggestions",
                    at + ".acceptedSuggestions is required when the outcome is 'accepted'");
        }
        for (int j = 0; j < f.acceptedSuggestions().size(); j++) {
            AcceptedSuggestion s = f.acceptedSuggestions().get(j);
            if (s == null || blank(s.id()) || !card.suggestionIds().contains(s.id())) {
                throw CdsRequestException.badRequest(at + ".acceptedSuggestions[" + j + "].id",
                        at + ".acceptedSuggestions[" + j + "].id '" + safe(s == null ? null : s.id())
                                + "' is not a suggestion of card " + card.uuid());
            }
        }
        if (f.overrideReason() != null) {
            throw CdsRequestException.badRequest(at + ".overrideReason",
                    at + ".overrideReason is only allowed when the outcome is 'overridden'");
        }
    }

    private void checkOverridden(Feedback f, IssuedCard card, String at) {
        if (f.acceptedSuggestions() != null && !f.acceptedSuggestions().isEmpty()) {
            throw CdsRequestException.badRequest(at + ".acceptedSuggestions",
                    at + ".acceptedSuggestions is only allowed when the outcome is 'accepted'");
        }
        OverrideReason o = f.overrideReason();
        if (o == null) {
            return;
        }
        CardCoding reason = o.reason();
        if (reason != null && card.overrideReasons().stream().noneMatch(r -> r.sameCode(reason))) {
            throw CdsRequestException.badRequest(at + ".overrideReason.reason",
                    at + ".overrideReason.reason (" + safe(reason.system()) + "|" + safe(reason.code())
                            + ") is not one of the override reasons card " + card.uuid() + " offered");
        }
        if (o.userComment() != null && o.userComment().length() > properties.maxUserCommentLength()) {
            throw CdsRequestException.badRequest(at + ".overrideReason.userComment",
                    at + ".overrideReason.userComment is longer than " + properties.maxUserCommentLength()
                            + " characters");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Client text for messages: printable, bounded (no free text from the user ends up in logs). */
    private static String safe(String s) {
        if (s == null) {
            return "";
        }
        String p = s.replaceAll("[^A-Za-z0-9._:/#-]", "?");
        return p.length() > 100 ? p.substring(0, 100) + "…" : p;
    }
}
