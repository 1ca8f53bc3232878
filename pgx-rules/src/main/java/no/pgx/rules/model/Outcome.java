package no.pgx.rules.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Fact: collects the candidates left when the rules are done. One per evaluation; confined to the thread that runs
 * the (stateless) session, so it is not thread-safe.
 */
public final class Outcome {
    private final List<Candidate> candidates = new ArrayList<>();

    /** Called by the collecting rule. */
    public void add(Candidate candidate) {
        candidates.add(candidate);
    }

    /** @return the collected candidates, in firing order */
    public List<Candidate> candidates() {
        return candidates;
    }
}
