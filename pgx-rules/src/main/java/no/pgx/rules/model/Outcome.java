package no.pgx.rules.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Fact: collects what is left when the rules are done: the candidates (findings), the checks of the alternatives and
 * the dose statements that apply. One per evaluation; confined to the thread that runs the (stateless) session, so it
 * is not thread-safe.
 */
public final class Outcome {
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<AlternativeCheck> checks = new ArrayList<>();
    private final List<Alternative> alternatives = new ArrayList<>();
    private final List<DoseStatement> doses = new ArrayList<>();

    /**
     * Called by the collecting rule.
     *
     * @param candidate a candidate left when the rules are done
     */
    public void add(Candidate candidate) {
        candidates.add(candidate);
    }

    /**
     * Called by the collecting rule.
     *
     * @param check a check of an alternative
     */
    public void add(AlternativeCheck check) {
        checks.add(check);
    }

    /**
     * Called by the collecting rule.
     *
     * @param alternative an alternative a surviving candidate names
     */
    public void add(Alternative alternative) {
        alternatives.add(alternative);
    }

    /**
     * Called by the collecting rule.
     *
     * @param dose a dose statement that applies to a surviving candidate
     */
    public void add(DoseStatement dose) {
        doses.add(dose);
    }

    /** @return the collected candidates, in firing order */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** @return the checks of alternatives, in firing order */
    public List<AlternativeCheck> checks() {
        return checks;
    }

    /** @return the alternatives the surviving candidates name */
    public List<Alternative> alternatives() {
        return alternatives;
    }

    /** @return the dose statements that apply to the surviving candidates */
    public List<DoseStatement> doses() {
        return doses;
    }
}
