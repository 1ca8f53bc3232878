package no.pgx.report;

import java.util.List;

/**
 * What the report shows, already in the report's language; the renderers only lay it out.
 *
 * @param language         {@code nb} or {@code en}
 * @param patient          patient name or id as given, or null
 * @param generated        date the report was made ({@code 2024-03-12})
 * @param knowledgeVersion the knowledge release the advice comes from ({@code PgxEngine.knowledgeVersion()})
 * @param lab              one row per tested gene
 * @param actionable       per actionable result, the drugs it affects and what to do
 * @param normal           genes tested with a normal result (one line: tested)
 * @param notes            what was not read or not used (from the input), shown so that no absence looks normal
 */
record ReportModel(String language, String patient, String generated, String knowledgeVersion, List<LabRow> lab,
                   List<GeneAdvice> actionable, List<String> normal, List<String> notes) {

    /** @return the release part of the knowledge version ({@code pgx-knowledge 2026.12.0}), for the wallet card */
    String knowledgeRelease() {
        int colon = knowledgeVersion == null ? -1 : knowledgeVersion.indexOf(':');
        return colon < 0 ? knowledgeVersion : knowledgeVersion.substring(0, colon);
    }

    /** One lab result: gene, diplotype, phenotype in words, test date, lab. */
    record LabRow(String gene, String diplotype, String phenotype, String testDate, String lab) {
    }

    /** An actionable result and the advice for each drug it affects. */
    record GeneAdvice(String gene, String phenotype, List<DrugLine> drugs) {
    }

    /**
     * One drug's advice, from the engine's {@code DrugAdvice}.
     *
     * @param drug         drug name in the report's language
     * @param drugClass    the drug's class in words, or null
     * @param todo         what to do: the advice's headline without the drug name
     * @param alternatives the checked alternatives that may be offered and that {@code todo} does not name, with their
     *                     label ("Mulige alternativer: …"), or null when there are none
     * @param dose         dose statements not already in {@code todo}, or null
     * @param source       sources with guideline version and strength ({@code CPIC 2022-01 (sterk) · DPWG …})
     * @param critical     true for avoid, contraindicated or choose another drug (listed on the wallet card)
     */
    record DrugLine(String drug, String drugClass, String todo, String alternatives, String dose, String source,
                    boolean critical) {
    }
}
