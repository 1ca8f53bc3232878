package no.pgx.engine.phenotype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import no.pgx.engine.PgxException;
import no.pgx.engine.ResultState;
import no.pgx.terminology.genetics.Allele;
import no.pgx.terminology.genetics.AlleleStatus;
import no.pgx.terminology.genetics.Diplotype;
import no.pgx.terminology.genetics.Gene;

/**
 * HLA-A / HLA-B allele status: a risk allele is positive when at least one copy is present (CPIC). The lookup key lists
 * each risk allele the guidelines key on, in table order, separated by {@code ;} without spaces:
 * {@code *57:01 positive;*58:01 negative;*15:02 negative}. From a diplotype every risk allele of the gene is listed
 * (those marked {@code when-present} in the table, such as DPWG's HLA-B*15:11, only when carried); from a reported
 * status only the alleles reported (an allele not listed was not reported). Thread-safe.
 */
final class HlaCaller {
    private final PhenotypeKnowledge k;

    HlaCaller(PhenotypeKnowledge knowledge) {
        this.k = knowledge;
    }

    Call fromDiplotype(Gene gene, String text) {
        if (k.statusParser.looksLikeStatus(text)) {
            return fromStatus(gene, text, "diplotype");
        }
        Diplotype d = PhenotypeCaller.notation(() -> k.parser.parse(gene, text));
        Set<String> present = new TreeSet<>();
        for (Allele a : d.alleles()) {
            present.add(a.name());
        }
        Map<String, Boolean> status = new LinkedHashMap<>();
        for (String risk : risk(gene)) {
            if (present.contains(risk) || !k.listedWhenPresent.contains(gene.symbol() + risk)) {
                status.put(risk, present.contains(risk));
            }
        }
        return call(gene, d.normalized(), status);
    }

    Call fromStatus(Gene gene, String text, String field) {
        List<AlleleStatus> items = PhenotypeCaller.notation(() -> k.statusParser.parse(gene, text, field));
        List<String> risk = risk(gene);
        Map<String, Boolean> given = new LinkedHashMap<>();
        for (AlleleStatus s : items) {
            String allele = s.allele();
            if (allele == null) {
                if (risk.size() != 1) {
                    throw error(gene, field, text, "'" + s + "' does not name the allele (write e.g. '" + risk.get(0)
                            + " positive')");
                }
                allele = risk.get(0);
            }
            if (!risk.contains(allele)) {
                throw error(gene, field, text, allele + " is not a risk allele CPIC recommendations key on (" + gene.symbol()
                        + ": " + String.join(", ", risk) + ")");
            }
            Boolean previous = given.put(allele, s.positive());
            if (previous != null && previous != s.positive()) {
                throw error(gene, field, text, allele + " is reported both positive and negative");
            }
        }
        Map<String, Boolean> ordered = new LinkedHashMap<>();
        for (String r : risk) {
            if (given.containsKey(r)) {
                ordered.put(r, given.get(r));
            }
        }
        return call(gene, null, ordered);
    }

    private Call call(Gene gene, String diplotype, Map<String, Boolean> status) {
        List<String> items = new ArrayList<>();
        boolean anyPositive = false;
        for (Map.Entry<String, Boolean> e : status.entrySet()) {
            items.add(e.getKey() + (e.getValue() ? " positive" : " negative"));
            anyPositive |= e.getValue();
        }
        String key = String.join(";", items);
        return new Call(diplotype, key, null, key, anyPositive ? ResultState.ACTIONABLE : ResultState.NORMAL, List.of());
    }

    private List<String> risk(Gene gene) {
        List<String> risk = k.riskAlleles.get(gene.symbol());
        if (risk == null || risk.isEmpty()) {
            throw new PgxException(gene.symbol(), "alleleStatus", gene.symbol() + ": no risk alleles are configured");
        }
        return risk;
    }

    private static PgxException error(Gene gene, String field, String text, String problem) {
        return new PgxException(gene.symbol(), field, gene.symbol() + " " + field + " '" + text.trim() + "': " + problem);
    }
}
