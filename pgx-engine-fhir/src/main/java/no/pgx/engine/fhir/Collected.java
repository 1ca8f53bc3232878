package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.List;

import no.pgx.engine.Problem;

/** What reading the Observations of one document produced so far. Mutable; confined to one call. */
final class Collected {
    final List<Candidate> candidates = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<Problem> skipped = new ArrayList<>();

    void problem(String gene, String field, String message) {
        problems.add(new Problem(gene, field, message));
    }

    void skip(String gene, String field, String message) {
        skipped.add(new Problem(gene, field, message));
    }
}
