package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import no.pgx.engine.Problem;

/**
 * The parts of a FHIR document this package uses: the Observations (in document order, with their bundle fullUrl; the
 * Observations contained in a DiagnosticReport after it), the DiagnosticReports (whose results must all be read or
 * refused), the names of performers and the ids of patients that can be resolved inside the document, and problems
 * found while splitting the document. Mutable while being filled; not thread-safe.
 */
final class Entries {
    /**
     * One Observation and where it sits in the document.
     *
     * @param report the DiagnosticReport the Observation is contained in ({@code DiagnosticReport r1}), else null
     */
    record Entry(Observation observation, String fullUrl, int index, String report) {
    }

    /** A DiagnosticReport and the contained Observations read with it. */
    record Report(DiagnosticReport report, String fullUrl, String label) {
    }

    final List<Entry> observations = new ArrayList<>();
    final List<Report> reports = new ArrayList<>();
    final Map<String, String> names = new HashMap<>();
    final Map<String, Observation> byReference = new HashMap<>();
    /** Patient fullUrls and ids, each mapped to {@code Patient/<id>} when known, else to the fullUrl. */
    final Map<String, String> patients = new HashMap<>();
    final List<Problem> problems = new ArrayList<>();

    /** Collects the entries of an already parsed bundle; other resources are used only to resolve references. */
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
            observations.add(new Entry(o, blankToNull(fullUrl), index, null));
            remember(o, fullUrl, o);
        } else if (resource instanceof DiagnosticReport r) {
            addReport(r, fullUrl, index);
        } else if (resource instanceof Organization org && org.hasName()) {
            remember(org, fullUrl, org.getName());
        } else if (resource instanceof Practitioner p && p.hasName()) {
            remember(p, fullUrl, p.getNameFirstRep().getNameAsSingleString());
        } else if (resource instanceof Patient p) {
            patient(p.hasIdElement() && p.getIdElement().hasIdPart() ? p.getIdElement().getIdPart() : null, fullUrl);
        }
    }

    /** Records a Patient entry so that its fullUrl and its id name the same patient. */
    void patient(String id, String fullUrl) {
        String canonical = id != null ? "Patient/" + id : blankToNull(fullUrl);
        if (canonical == null) {
            return;
        }
        patients.put(canonical, canonical);
        if (blankToNull(fullUrl) != null) {
            patients.put(fullUrl.trim(), canonical);
        }
    }

    /**
     * A report's contained Observations are read as part of it: they take the report's subject, date and performer
     * when they have none of their own (the report states them once for all its results).
     */
    private void addReport(DiagnosticReport r, String fullUrl, int index) {
        String id = r.hasIdElement() && r.getIdElement().hasIdPart() ? r.getIdElement().getIdPart() : null;
        String label = "DiagnosticReport " + (id != null ? id : fullUrl != null ? fullUrl : "(entry " + (index + 1) + ")");
        reports.add(new Report(r, blankToNull(fullUrl), label));
        for (Resource contained : r.getContained()) {
            if (contained instanceof Observation o) {
                if (!o.hasSubject() && r.hasSubject()) {
                    o.setSubject(r.getSubject().copy());
                }
                if (!o.hasEffective() && r.hasEffective()) {
                    o.setEffective(r.getEffective().copy());
                }
                if (!o.hasIssued() && r.hasIssued()) {
                    o.setIssuedElement(r.getIssuedElement().copy());
                }
                if (!o.hasPerformer()) {
                    for (Reference p : r.getPerformer()) {
                        o.addPerformer(p.copy());
                    }
                }
                observations.add(new Entry(o, null, index, label));
                String localId = o.getIdElement().getIdPart();
                if (localId != null) {
                    byReference.put(label + "#" + localId.replaceFirst("^#", ""), o);
                }
            } else if (contained instanceof Organization org && org.hasName()) {
                names.put("#" + org.getIdElement().getIdPart().replaceFirst("^#", ""), org.getName());
            }
        }
    }

    /** @return the Observation a reference points to inside the document, or null */
    Observation resolve(String reference, String report) {
        if (reference == null) {
            return null;
        }
        if (reference.startsWith("#")) {
            return report == null ? null : byReference.get(report + reference);
        }
        Observation o = byReference.get(reference);
        if (o == null && reference.contains("Observation/")) {
            o = byReference.get(reference.substring(reference.lastIndexOf("Observation/")).replaceFirst("/_history/.*$", ""));
        }
        return o;
    }

    private void remember(Resource r, String fullUrl, Object value) {
        List<String> keys = new ArrayList<>();
        if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
            keys.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
        }
        if (blankToNull(fullUrl) != null) {
            keys.add(fullUrl.trim());
        }
        for (String key : keys) {
            if (value instanceof Observation o) {
                byReference.put(key, o);
            } else {
                names.put(key, (String) value);
            }
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
