package no.pgx.engine;

import java.util.List;

/**
 * The outcome of {@link PgxEngine#assess(AssessmentRequest)}.
 *
 * @param results          the interpreted gene results (genotype-predicted) for every gene given in the request
 * @param phenoconversions phenoconversions applied because of co-medication; empty when none
 * @param findings         findings, one per drug, source, population and recommendation; never null
 * @param problems         problems with parts of the input (unparseable result, unknown drug …); the rest was assessed
 * @param knowledgeVersion version of the knowledge base used
 */
public record Assessment(List<GeneResult> results, List<Phenoconversion> phenoconversions, List<Finding> findings,
                         List<Problem> problems, String knowledgeVersion) {
    public Assessment {
        results = results == null ? List.of() : List.copyOf(results);
        phenoconversions = phenoconversions == null ? List.of() : List.copyOf(phenoconversions);
        findings = findings == null ? List.of() : List.copyOf(findings);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
