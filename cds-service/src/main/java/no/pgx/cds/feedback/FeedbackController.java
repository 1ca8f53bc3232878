package no.pgx.cds.feedback;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.pgx.cds.hooks.HookService;

/**
 * {@code POST /cds-services/{id}/feedback} (CDS Hooks 2.0, "Feedback") and {@code GET} of the same path to read the
 * stored feedback back (an extension of this service, behind the same JWT check).
 */
@RestController
public class FeedbackController {
    private final FeedbackService feedback;
    private final HookService hooks;

    public FeedbackController(FeedbackService feedback, HookService hooks) {
        this.feedback = feedback;
        this.hooks = hooks;
    }

    /** Stores the feedback; 200 with an empty body. */
    @PostMapping(path = "/cds-services/{id}/feedback")
    ResponseEntity<Void> post(@PathVariable("id") String id, @RequestBody(required = false) FeedbackRequest request) {
        feedback.accept(hooks.service(id).id(), request);
        return ResponseEntity.ok().build();
    }

    /** Stored feedback of the service, newest first ({@code limit} 1–1000, default 100). */
    @GetMapping(path = "/cds-services/{id}/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
    FeedbackList list(@PathVariable("id") String id, @RequestParam(name = "limit", defaultValue = "100") int limit) {
        return feedback.list(hooks.service(id).id(), limit);
    }
}
