package no.pgx.engine.phenotype;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.pgx.engine.PgxException;
import no.pgx.engine.ResultState;
import no.pgx.knowledge.CsvTable;
import no.pgx.terminology.genetics.Gene;

/**
 * Genes whose result is the response of the strongest variant carried ({@code variant_response.csv}): CFTR for
 * ivacaftor, where one variant on CPIC's responsive list makes the patient "ivacaftor responsive in CF patients". The
 * diplotype takes the phenotype of its highest-ranked variant; a variant the table does not name is a problem naming
 * it, unless a higher-ranked variant decides the call anyway (then a warning). Immutable and thread-safe.
 */
final class VariantResponseCaller {
    /** One variant: its name as CPIC writes it, the phenotype it gives when it is the strongest, its rank. */
    private record Variant(String name, String phenotype, int rank) {
    }

    /** gene → normalised spelling (name or alias) → variant */
    private final Map<String, Map<String, Variant>> byGene;
    private final PhenotypeStates states;

    private VariantResponseCaller(Map<String, Map<String, Variant>> byGene, PhenotypeStates states) {
        this.byGene = byGene;
        this.states = states;
    }

    static VariantResponseCaller load(CsvTable table, PhenotypeStates states) {
        Map<String, Map<String, Variant>> byGene = new HashMap<>();
        if (table != null) {
            for (CsvTable.Row r : table.rows()) {
                String gene = r.require("gene");
                int rank;
                try {
                    rank = Integer.parseInt(r.require("rank"));
                } catch (NumberFormatException e) {
                    throw r.error("rank '" + r.get("rank") + "' is not a whole number");
                }
                Variant v = new Variant(r.require("variant"), r.require("phenotype"), rank);
                if (states.entry(gene, v.phenotype()).isEmpty()) {
                    throw r.error("phenotype '" + v.phenotype() + "' is not a phenotype of " + gene
                            + " in phenotype_state.csv");
                }
                Map<String, Variant> spellings = byGene.computeIfAbsent(gene, g -> new HashMap<>());
                List<String> names = new ArrayList<>(List.of(v.name()));
                String aliases = r.getOrNull("aliases");
                if (aliases != null) {
                    names.addAll(List.of(aliases.split("\\|")));
                }
                for (String n : names) {
                    Variant earlier = spellings.put(normalise(n), v);
                    if (earlier != null && earlier != v) {
                        throw r.error(gene + " variant spelling '" + n + "' is listed twice");
                    }
                }
            }
        }
        return new VariantResponseCaller(Map.copyOf(byGene), states);
    }

    /** @return true when the gene is called this way */
    boolean covers(Gene gene) {
        return byGene.containsKey(gene.symbol());
    }

    /**
     * @param text a diplotype ({@code F508del/G551D}, {@code p.Phe508del/p.Phe508del}) or one variant (heterozygous)
     * @throws PgxException naming the gene and the variant when a variant is unknown and no known one decides
     */
    Call call(Gene gene, String text) {
        Map<String, Variant> spellings = byGene.get(gene.symbol());
        String[] parts = text.trim().split("\\s*/\\s*");
        if (parts.length > 2 || parts[0].isBlank()) {
            throw new PgxException(gene.symbol(), "diplotype", gene.symbol() + " diplotype '" + text.trim()
                    + "': write two variants separated by '/', e.g. F508del/G551D");
        }
        Variant strongest = null;
        List<String> unknown = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String p : parts) {
            Variant v = spellings.get(normalise(p));
            if (v == null) {
                unknown.add(p.trim());
                names.add(p.trim());
                continue;
            }
            names.add(v.name());
            if (strongest == null || v.rank() > strongest.rank()) {
                strongest = v;
            }
        }
        int top = spellings.values().stream().mapToInt(Variant::rank).max().orElse(0);
        List<String> warnings = new ArrayList<>();
        if (!unknown.isEmpty()) {
            if (strongest == null || strongest.rank() < top) {
                throw new PgxException(gene.symbol(), "diplotype", gene.symbol() + " diplotype '" + text.trim()
                        + "': variant " + String.join(" and ", unknown) + " is not in the CPIC list this product"
                        + " knows; ask the laboratory whether it is a variant the guideline lists as responsive, or"
                        + " report the phenotype");
            }
            warnings.add(gene.symbol() + ": variant " + String.join(" and ", unknown) + " is not known to the product;"
                    + " " + strongest.name() + " decides the result");
        }
        ResultState state = states.entry(gene.symbol(), strongest.phenotype()).map(PhenotypeStates.Entry::state)
                .orElse(ResultState.ACTIONABLE);
        return new Call(String.join("/", names), strongest.phenotype(), null, strongest.phenotype(), state, warnings);
    }

    private static String normalise(String s) {
        return s.trim().replace("->", ">").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
