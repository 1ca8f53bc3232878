package no.pgx.report;

import java.util.List;

/**
 * What the report shows, already in the report's language; the renderers only lay it out.
 *
 * @param language         {@code nb} or {@code en}
 * @param patient          patient name or id as given, or null
 * @param generated        date the report was made ({@code 2024-03-12})
 * @param knowledgeVersion version of the knowledge base used
 * @param lab              one row per tested gene
 * @param actionable       per actionable result, the drugs it affects and what to do
 * @param normal           genes tested with a normal result (one line: tested)
 * @param notes            what was not read or not used (from the input), shown so that no absence looks normal
 */
record ReportModel(String language, String patient, String generated, String knowledgeVersion, List<LabRow> lab,
                   List<GeneAdvice> actionable, List<String> normal, List<String> notes) {

    /** One lab result: gene, diplotype, phenotype in words, test date, lab. */
    record LabRow(String gene, String diplotype, String phenotype, String testDate, String lab) {
    }

    /** An actionable result and its advice per drug. */
    record GeneAdvice(String gene, String phenotype, List<DrugAdvice> drugs) {
    }

    /**
     * @param drug     drug name in the report's language
     * @param drugClass the drug's class in words, or null
     * @param action   what to do, in words
     * @param advice   the one-line advice
     * @param source   source, guideline and version ({@code CPIC 2024-04-15})
     * @param critical true for avoid / alternative (shown on the wallet card first)
     */
    record DrugAdvice(String drug, String drugClass, String action, String advice, String source, boolean critical) {
    }
}
