package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.pgx.engine.Problem;

/**
 * What reading the Observations of one document produced so far: candidates, problems (data that could not be used
 * and should have been), notes (data deliberately not used, or information about what was used), and quiet groups:
 * Observations of a kind the engine does not read (single variants, regions studied …), reported as one note per kind
 * instead of one line per Observation. Mutable; confined to one call.
 */
final class Collected {
    final List<ObservationReading> candidates = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<Problem> notes = new ArrayList<>();
    private final Map<String, List<String>> quiet = new LinkedHashMap<>();

    void problem(String gene, String field, String message) {
        problems.add(new Problem(gene, field, message));
    }

    void note(String gene, String field, String message) {
        notes.add(new Problem(gene, field, message));
    }

    /** Counts an Observation of a kind that is reported once per document ({@code why} names the kind). */
    void quiet(String why, String id) {
        quiet.computeIfAbsent(why, k -> new ArrayList<>()).add(id);
    }

    /** Adds one note per quiet kind, listing the Observations (at most ten named). */
    void finish() {
        quiet.forEach((why, ids) -> {
            String named = ids.size() <= 10 ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
            notes.add(new Problem(null, "code", ids.size() + " " + why + " not read: " + named));
        });
        quiet.clear();
    }
}
