package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.Reference;

/**
 * Keeps the results of one patient. Results of different patients are never combined: a document with Observations of
 * several subjects is refused as a whole unless the caller names the patient, and then only that patient's
 * Observations are read. Subjects are compared as {@code Patient/<id>} (a server base and {@code _history} are
 * ignored; a bundle's {@code urn:uuid:} fullUrl of a Patient entry is the same patient as its id), else by the
 * reference or identifier as written. Stateless.
 */
final class Subjects {
    private Subjects() {
    }

    /**
     * @param entries the document
     * @param asked   the patient asked for ({@code Patient/123}, {@code 123}, a fullUrl), or null for "the one patient of
     *                the document"
     * @param out     receives the problems and notes
     * @return the Observations to read, in document order
     */
    static List<Entries.Entry> select(Entries entries, String asked, Collected out) {
        Set<String> subjects = new LinkedHashSet<>();
        List<String> keys = new ArrayList<>();
        for (Entries.Entry e : entries.observations) {
            String key = key(e.observation().getSubject(), entries);
            keys.add(key);
            if (key != null) {
                subjects.add(key);
            }
        }
        String wanted = asked == null ? null : normalise(asked.trim(), entries);
        if (wanted == null && subjects.size() > 1) {
            out.problem(null, "subject", "The document holds results of " + subjects.size() + " patients ("
                    + String.join(", ", subjects) + "); none was read, because results of different patients are never"
                    + " combined. Read one patient's results by naming the patient");
            return List.of();
        }
        List<Entries.Entry> selected = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> unattributed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Entries.Entry e = entries.observations.get(i);
            String key = keys.get(i);
            if (wanted == null || wanted.equals(key)) {
                selected.add(e);
            } else if (key != null) {
                others.add(ObservationReader.sourceId(e));
            } else if (subjects.isEmpty() || subjects.equals(Set.of(wanted))) {
                selected.add(e);
            } else {
                unattributed.add(ObservationReader.sourceId(e));
            }
        }
        if (!others.isEmpty()) {
            Set<String> otherSubjects = new LinkedHashSet<>(subjects);
            otherSubjects.remove(wanted);
            out.note(null, "subject", others.size() + " Observation(s) of other patients (" + String.join(", ",
                    otherSubjects) + ") were not read, as " + wanted + " was asked for: " + String.join(", ", others));
        }
        if (!unattributed.isEmpty()) {
            out.problem(null, "subject", unattributed.size() + " Observation(s) name no patient in a document that holds"
                    + " several patients' results; they were not read: " + String.join(", ", unattributed));
        }
        if (wanted != null && !subjects.contains(wanted) && !subjects.isEmpty()) {
            out.problem(null, "subject", "The document holds no results of " + wanted + " (it holds "
                    + String.join(", ", subjects) + ")");
        }
        return selected;
    }

    /** @return the subject as compared, or null when the Observation names none */
    static String key(Reference subject, Entries entries) {
        if (subject == null || subject.isEmpty()) {
            return null;
        }
        String ref = Entries.blankToNull(subject.getReference());
        if (ref != null) {
            return normalise(ref.trim(), entries);
        }
        if (subject.hasIdentifier() && subject.getIdentifier().hasValue()) {
            return "identifier " + (subject.getIdentifier().hasSystem() ? subject.getIdentifier().getSystem() + "|" : "")
                    + subject.getIdentifier().getValue().trim();
        }
        return null;
    }

    private static String normalise(String ref, Entries entries) {
        String known = entries.patients.get(ref);
        if (known != null) {
            return known;
        }
        int at = ref.lastIndexOf("Patient/");
        if (at >= 0) {
            return ref.substring(at).replaceFirst("/_history/.*$", "");
        }
        if (!ref.contains("/") && !ref.contains(":")) {
            return "Patient/" + ref;
        }
        return ref;
    }
}
