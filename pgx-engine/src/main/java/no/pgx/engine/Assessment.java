package no.pgx.engine;

import java.util.List;

/**
 * The outcome of {@link PgxEngine#assess(AssessmentRequest)}.
 *
 * @param results          the interpreted gene results (genotype-predicted) for every gene given in the request
 * @param phenoconversions phenoconversions applied because of co-medication; empty when none
 * @param findings         findings, one per drug, source, population and recommendation; never null
 * @param problems         problems with the input only (unparseable result, unknown drug or condition …); the rest was
 *                         assessed
 * @param knowledgeVersion version of the knowledge base used
 * @param advice           one piece of advice per assessed drug that has something to say (see {@link DrugAdvice}),
 *                         most urgent first; never null
 * @param notes            informational messages that are not input faults (a co-medication not taken into account
 *                         because the gene is untested, a local route …); never null
 */
public record Assessment(List<GeneResult> results, List<Phenoconversion> phenoconversions, List<Finding> findings,
                         List<Problem> problems, String knowledgeVersion, List<DrugAdvice> advice, List<Note> notes) {
    /**
     * Keeps unmodifiable copies of the lists; a null list becomes empty.
     *
     * @param results          the interpreted gene results; null becomes empty
     * @param phenoconversions the phenoconversions applied; null becomes empty
     * @param findings         the findings; null becomes empty
     * @param problems         the input problems; null becomes empty
     * @param knowledgeVersion version of the knowledge base used
     * @param advice           advice per drug, most urgent first; null becomes empty
     * @param notes            informational messages; null becomes empty
     * @throws NullPointerException when a list holds null
     */
    public Assessment {
        results = results == null ? List.of() : List.copyOf(results);
        phenoconversions = phenoconversions == null ? List.of() : List.copyOf(phenoconversions);
        findings = findings == null ? List.of() : List.copyOf(findings);
        problems = problems == null ? List.of() : List.copyOf(problems);
        advice = advice == null ? List.of() : List.copyOf(advice);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * An assessment without advice and notes (the shape before advice existed).
     *
     * @param results          the interpreted gene results; null becomes empty
     * @param phenoconversions the phenoconversions applied; null becomes empty
     * @param findings         the findings; null becomes empty
     * @param problems         the input problems; null becomes empty
     * @param knowledgeVersion version of the knowledge base used
     * @throws NullPointerException when a list holds null
     */
    public Assessment(List<GeneResult> results, List<Phenoconversion> phenoconversions, List<Finding> findings,
                      List<Problem> problems, String knowledgeVersion) {
        this(results, phenoconversions, findings, problems, knowledgeVersion, List.of(), List.of());
    }

    /**
     * @param drug the drug as the advice names it: English INN, lower case ({@code clopidogrel}, not
     *             {@code klopidogrel} or an ATC code); compared exactly
     * @return the advice for a drug, or null when there is none
     */
    public DrugAdvice adviceFor(String drug) {
        for (DrugAdvice a : advice) {
            if (a.drug().equals(drug)) {
                return a;
            }
        }
        return null;
    }
}
