package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

import no.pgx.engine.Problem;

/**
 * The parts of a FHIR document this package uses: the Observations (in document order, with their bundle fullUrl), the
 * names of performers that can be resolved inside the document, and problems found while splitting the document.
 * Mutable while being filled; not thread-safe.
 */
final class Entries {
    /** One Observation and where it sits in the document. */
    record Entry(Observation observation, String fullUrl, int index) {
    }

    final List<Entry> observations = new ArrayList<>();
    final Map<String, String> names = new HashMap<>();
    final Map<String, Observation> byReference = new HashMap<>();
    final List<Problem> problems = new ArrayList<>();

    /** Collects the entries of an already parsed bundle; non-Observation resources are used only to name performers. */
    static Entries of(Bundle bundle) {
        Entries entries = new Entries();
        int i = 0;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            entries.add(e.getResource(), e.getFullUrl(), i++);
        }
        return entries;
    }

    /** Collects a plain list of Observations. */
    static Entries of(List<Observation> observations) {
        Entries entries = new Entries();
        int i = 0;
        for (Observation o : observations) {
            entries.add(o, null, i++);
        }
        return entries;
    }

    void add(Resource resource, String fullUrl, int index) {
        if (resource instanceof Observation o) {
            observations.add(new Entry(o, blankToNull(fullUrl), index));
            remember(o, fullUrl, o);
        } else if (resource instanceof Organization org && org.hasName()) {
            remember(org, fullUrl, org.getName());
        } else if (resource instanceof Practitioner p && p.hasName()) {
            remember(p, fullUrl, p.getNameFirstRep().getNameAsSingleString());
        }
    }

    private void remember(Resource r, String fullUrl, Object value) {
        List<String> keys = new ArrayList<>();
        if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
            keys.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
        }
        if (blankToNull(fullUrl) != null) {
            keys.add(fullUrl);
        }
        for (String key : keys) {
            if (value instanceof Observation o) {
                byReference.put(key, o);
            } else {
                names.put(key, (String) value);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
