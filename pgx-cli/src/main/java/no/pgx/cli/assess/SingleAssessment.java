package no.pgx.cli.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.pgx.cli.CliContext;
import no.pgx.cli.UsageException;
import no.pgx.cli.input.InputFiles;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Note;
import no.pgx.engine.Problem;
import no.pgx.engine.fhir.FhirResults;

/**
 * {@code assess --result GENE=VALUE|--fhir BUNDLE.json --drug NAME …}: one case from the command line, printed as a
 * table for people ({@link AssessTable}, one line per drug) or as the batch's JSON line ({@link CaseJson}, with
 * {@code detail}). The order context (indication, route, conditions, weight, ancestry, order date, start dates) comes
 * from {@link OrderContextOptions}.
 */
final class SingleAssessment {
    /** The case as given on the command line. */
    record Request(Map<String, String> results, String fhir, List<String> drugs, List<String> medications,
            List<String> sources, String population, Integer age, boolean includeNormal) {
    }

    private final CliContext context;
    private final CaseJson mapper;

    SingleAssessment(CliContext context, CaseJson mapper) {
        this.context = context;
        this.mapper = mapper;
    }

    /** @return 0 when the case had no problems (notes do not count), 1 when it had */
    int run(Request q, OrderContextOptions orderContext, String format, String lang, boolean detail) {
        if (q.drugs().isEmpty()) {
            throw new UsageException("give at least one --drug (name, Norwegian name or ATC code)");
        }
        AssessmentRequest.Builder b = AssessmentRequest.builder().includeNormal(q.includeNormal())
                .population(q.population()).ageYears(q.age());
        orderContext.apply(b, q.drugs(), q.medications());
        List<Problem> problems = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        if (q.fhir() != null) {
            // Results from a FHIR Bundle (Genomics Reporting Observations); a --result for the same gene wins.
            FhirResults fhir = FhirResults.fromJson(readFile(q.fhir()));
            fhir.results().stream()
                    .filter(r -> q.results().keySet().stream().noneMatch(g -> g.equalsIgnoreCase(r.gene())))
                    .forEach(b::result);
            problems.addAll(fhir.problems());
            // Data the FHIR reader deliberately did not use: information, not an input fault.
            fhir.notes().forEach(n -> notes.add(new Note("fhir-not-used", n.gene(), null,
                    new LocalizedText(n.message(), n.message()))));
        }
        q.results().forEach((gene, value) -> b.result(ResultValues.guess(gene, value)));
        q.sources().forEach(b::source);
        Assessment assessed = context.engine().assess(b.build());
        problems.addAll(assessed.problems());
        notes.addAll(assessed.notes());
        Assessment a = new Assessment(assessed.results(), assessed.phenoconversions(), assessed.findings(), problems,
                assessed.knowledgeVersion(), assessed.advice(), notes);
        if (format.equals("json")) {
            List<byte[]> parts = new ArrayList<>();
            mapper.write(new CaseOutcome(null, a.findings(), a.problems(), a.advice(), a.notes()), true, parts);
            parts.forEach(p -> context.out().write(p, 0, p.length));
        } else {
            AssessTable.print(a, lang, detail, context.out());
        }
        return a.problems().isEmpty() ? 0 : 1;
    }

    private static String readFile(String path) {
        try {
            return InputFiles.readText(path);
        } catch (InputFiles.UnreadableInputException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
