package no.pgx.engine.phenotype;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import no.pgx.engine.PgxException;
import no.pgx.terminology.genetics.Gene;

/**
 * Function-combination, genotype and single-allele genes: the phenotype follows from the allele function labels
 * (CPIC: the sorted pair of labels decides, e.g. CYP2C19 normal + increased = Rapid Metabolizer). Thread-safe.
 */
final class FunctionCaller {
    private final PhenotypeKnowledge k;

    FunctionCaller(PhenotypeKnowledge knowledge) {
        this.k = knowledge;
    }

    Call call(Gene gene, AlleleResolver.Resolved r) {
        String diplotype = r.canonical().normalized();
        List<String> labels = new ArrayList<>(2);
        for (List<AlleleResolver.Part> parts : r.haplotypes()) {
            if (parts.size() != 1) {
                throw new PgxException(gene.symbol(), "diplotype", gene.symbol() + " diplotype '"
                        + r.canonical().asWritten().trim() + "': the arrangement '" + join(parts)
                        + "' has no CPIC function for " + gene.symbol());
            }
            labels.add(parts.get(0).info().function());
        }
        String first = labels.get(0);
        String second = labels.size() > 1 ? labels.get(1) : null;
        String phenotype = k.combinations.phenotype(gene.symbol(), first, second).orElseThrow(() -> new PgxException(
                gene.symbol(), "diplotype", gene.symbol() + " diplotype '" + diplotype + "': no CPIC phenotype for the "
                        + "function combination '" + first + (second == null ? "" : "' + '" + second) + "'"));
        PhenotypeStates.Entry entry = k.states.entry(gene.symbol(), phenotype).orElseThrow(() -> new PgxException(
                gene.symbol(), "diplotype", gene.symbol() + ": phenotype '" + phenotype + "' has no result state"));
        List<String> warnings = new ArrayList<>();
        if (phenotype.equals(ScoreCaller.INDETERMINATE)) {
            List<String> unclear = new ArrayList<>();
            for (AlleleResolver.Part p : r.allParts()) {
                String f = p.info().function().toLowerCase(Locale.ROOT);
                if (f.startsWith("uncertain") || f.startsWith("unknown")) {
                    unclear.add(p.info().name() + " (" + f + ")");
                }
            }
            warnings.add(gene.symbol() + ": " + (unclear.isEmpty() ? "this combination" : String.join(", ", unclear))
                    + " does not allow a CPIC phenotype (Indeterminate)");
        }
        return new Call(diplotype, phenotype, null, phenotype, entry.state(), warnings);
    }

    private static String join(List<AlleleResolver.Part> parts) {
        return String.join("+", parts.stream().map(p -> p.info().name()).toList());
    }
}
