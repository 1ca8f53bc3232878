package no.pgx.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import no.pgx.engine.Assessment;
import no.pgx.engine.Problem;

/**
 * A printable pharmacogenomic summary of one patient, from an engine {@link Assessment} (assess every drug of the
 * knowledge base to list all drugs a result affects). Norwegian Bokmål by default, English on request.
 *
 * <pre>{@code
 * Assessment a = engine.assess(AssessmentRequest.builder().results(inputs).allDrugs().build());
 * byte[] pdf = PatientReport.builder(a).patient("Kari Nordmann").build().pdf();
 * }</pre>
 *
 * <p>Contents: the lab's results (gene, genotype, phenotype in words, test date, lab); per actionable result the drugs
 * and drug classes it affects and what to do, from the engine's one piece of advice per drug ({@link
 * Assessment#advice()}: the headline, alternatives the headline does not name, dose statements of dose advice), with
 * each source's guideline version and strength and the knowledge release ({@link Assessment#knowledgeVersion()}); one
 * line for the genes tested with a normal result; what was not read; and a wallet-card page with only the actionable
 * results and the drugs to avoid or replace. Advice that rests on co-medication is left out: the report is about the
 * genotype. Immutable and thread-safe once built.
 */
public final class PatientReport {
    private final ReportModel model;

    private PatientReport(ReportModel model) {
        this.model = model;
    }

    /**
     * @param assessment the patient's assessment; not null
     * @return a builder with the defaults (Bokmål, today's date, no patient name)
     */
    public static Builder builder(Assessment assessment) {
        return new Builder(Objects.requireNonNull(assessment, "assessment"));
    }

    /** @return the report as one HTML document that prints on A4 (the wallet card on its own page), never null */
    public String html() {
        return HtmlReport.render(model);
    }

    /** @return the report as a PDF document (A4 pages, then the wallet-card page), never null */
    public byte[] pdf() {
        return PdfReport.render(model);
    }

    /** Builder for {@link PatientReport}; not thread-safe. */
    public static final class Builder {
        private final Assessment assessment;
        private String language = "nb";
        private String patient;
        private LocalDate date = LocalDate.now();
        private final List<String> notes = new ArrayList<>();

        private Builder(Assessment assessment) {
            this.assessment = assessment;
        }

        /**
         * Sets the report's language.
         *
         * @param language {@code nb} (default) or {@code en}
         * @return this builder
         */
        public Builder language(String language) {
            this.language = language == null ? "nb" : language;
            return this;
        }

        /**
         * Sets who the report is for.
         *
         * @param patient the patient's name or id as it should be printed, or null
         * @return this builder
         */
        public Builder patient(String patient) {
            this.patient = patient;
            return this;
        }

        /**
         * Sets the report's date.
         *
         * @param date the date printed as the report's date; not null
         * @return this builder
         */
        public Builder date(LocalDate date) {
            this.date = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * Data that was not read or not used (e.g. {@code FhirResults.problems()} and {@code notes()}), printed so that
         * no missing result looks normal.
         *
         * @param problems what was not read or not used, each printed by its message
         * @return this builder
         */
        public Builder unread(List<Problem> problems) {
            problems.forEach(p -> notes.add(p.message()));
            return this;
        }

        /**
         * Builds the report; the assessment's own problems are printed after the ones passed to {@link #unread}.
         *
         * @return the report, ready to render
         */
        public PatientReport build() {
            List<String> all = new ArrayList<>(notes);
            assessment.problems().forEach(p -> all.add(p.message()));
            return new PatientReport(ReportContent.of(assessment, language, patient, date.toString(), all));
        }
    }
}
