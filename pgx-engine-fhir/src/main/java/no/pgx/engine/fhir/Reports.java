package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;

/**
 * DiagnosticReports are read, never ignored: their contained Observations are read with the document's other
 * Observations (see {@link Entries}), a result they list that is not in the document is refused with a problem naming
 * it, and a report that was entered in error or cancelled takes its contained results with it (one note). Stateless.
 */
final class Reports {
    private Reports() {
    }

    /**
     * @return the Observations to read: those of the document, less the contained results of withdrawn reports
     */
    static List<Entries.Entry> check(Entries entries, List<Entries.Entry> selected, Collected out) {
        List<String> withdrawn = new ArrayList<>();
        for (Entries.Report r : entries.reports) {
            DiagnosticReport report = r.report();
            DiagnosticReport.DiagnosticReportStatus status = report.getStatus();
            if (status == DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR
                    || status == DiagnosticReport.DiagnosticReportStatus.CANCELLED) {
                withdrawn.add(r.label());
                long contained = entries.observations.stream().filter(e -> r.label().equals(e.report())).count();
                out.note(null, "status", r.label() + " has status " + report.getStatusElement().getValueAsString()
                        + "; its " + contained + " contained result(s) were not read");
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (Reference result : report.getResult()) {
                String ref = result.getReference();
                if (ref == null || ref.isBlank()) {
                    missing.add(result.hasDisplay() ? "'" + result.getDisplay() + "' (no reference)" : "(empty reference)");
                } else if (entries.resolve(ref.trim(), r.label()) == null) {
                    missing.add(ref.trim());
                }
            }
            if (!missing.isEmpty()) {
                out.problem(null, "result", r.label() + " lists " + missing.size() + " result(s) that are not in the"
                        + " document and were not read: " + String.join(", ", missing) + " (send them in the same"
                        + " Bundle, contained in the report, or fetch them)");
            }
        }
        if (withdrawn.isEmpty()) {
            return selected;
        }
        return selected.stream().filter(e -> e.report() == null || !withdrawn.contains(e.report())).toList();
    }
}
