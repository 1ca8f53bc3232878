package no.pgx.cds.knowledge;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /knowledge}: which knowledge the cards come from (the same object as the {@value KnowledgeInfo#EXTENSION}
 * extension in discovery). Behind the same client JWT check as discovery; the token's {@code aud} is this URL.
 */
@RestController
public class KnowledgeController {
    private final KnowledgeInfo knowledge;

    public KnowledgeController(KnowledgeInfo knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping(path = "/knowledge", produces = MediaType.APPLICATION_JSON_VALUE)
    KnowledgeDescription knowledge() {
        return knowledge.description();
    }
}
