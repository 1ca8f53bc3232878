package no.pgx.terminology.genetics;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import no.pgx.knowledge.CsvTable;

/**
 * The genes known to the engine, read from {@code genes.csv}. Immutable and thread-safe.
 *
 * <p>Gene symbols are matched case-insensitively; {@code _} and spaces count as {@code -} ({@code hla_b}, {@code HLA B}),
 * and the aliases of the table are accepted ({@code IL28B} → {@code IFNL3}).
 */
public final class GeneRegistry {
    /** Resource holding the gene table. */
    public static final String RESOURCE = "no/pgx/knowledge/genetics/genes.csv";

    private static volatile GeneRegistry defaultRegistry;

    private final Map<String, Gene> genes;
    private final Map<String, Gene> byName;
    private final CsvTable table;

    private GeneRegistry(CsvTable table) {
        this.table = table;
        Map<String, Gene> all = new LinkedHashMap<>();
        Map<String, Gene> names = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Gene gene = toGene(row);
            all.put(gene.symbol(), gene);
            names.put(key(gene.symbol()), gene);
            gene.aliases().forEach(a -> names.put(key(a), gene));
        }
        this.genes = Collections.unmodifiableMap(all);
        this.byName = Map.copyOf(names);
    }

    /**
     * @return the registry of the bundled gene table (loaded once)
     * @throws CsvTable.MalformedCsvException when the bundled table is broken
     */
    public static GeneRegistry loadDefault() {
        GeneRegistry r = defaultRegistry;
        if (r == null) {
            synchronized (GeneRegistry.class) {
                r = defaultRegistry;
                if (r == null) {
                    r = new GeneRegistry(CsvTable.readResource(RESOURCE));
                    defaultRegistry = r;
                }
            }
        }
        return r;
    }

    /**
     * @param text a gene symbol as written (any case), may be null
     * @return the gene, or empty when unknown or null
     */
    public Optional<Gene> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(key(text)));
    }

    /**
     * @param text a gene symbol as written
     * @return the gene, never null
     * @throws NotationException (field {@code gene}) naming the text when it is empty or unknown
     */
    public Gene require(String text) {
        if (text == null || text.isBlank()) {
            throw new NotationException(null, "gene", text, "Gene symbol is empty");
        }
        return find(text).orElseThrow(() -> new NotationException(null, "gene", text,
                "Unknown gene '" + text.trim() + "' (known genes: " + String.join(", ", new TreeSet<>(genes.keySet())) + ")"));
    }

    /** @return every known gene in table order */
    public Collection<Gene> all() {
        return genes.values();
    }

    /** @return every known gene symbol */
    public Set<String> symbols() {
        return genes.keySet();
    }

    /** @return the underlying table (metadata: source, version, licence) */
    public CsvTable table() {
        return table;
    }

    static String key(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }

    private static Gene toGene(CsvTable.Row row) {
        String symbol = row.require("gene").toUpperCase(Locale.ROOT);
        CallingMethod method = enumValue(CallingMethod.class, row, "method");
        AlleleNotation notation = enumValue(AlleleNotation.class, row, "notation");
        int ploidy = intValue(row, "ploidy");
        int maxCopies = intValue(row, "max_copies");
        String step = row.getOrNull("score_step");
        Set<String> aliases = new TreeSet<>();
        String aliasText = row.getOrNull("aliases");
        if (aliasText != null) {
            for (String a : aliasText.split("\\|")) {
                if (!a.isBlank()) {
                    aliases.add(a.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        return new Gene(symbol, method, notation, ploidy, maxCopies, row.require("phenotype_kind"),
                row.getOrNull("reference_allele"), step == null ? null : new BigDecimal(step), aliases);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, CsvTable.Row row, String column) {
        String v = row.require(column);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.error("unknown " + column + " '" + v + "'");
        }
    }

    private static int intValue(CsvTable.Row row, String column) {
        String v = row.require(column);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw row.error("column '" + column + "' is not a whole number: '" + v + "'");
        }
    }
}
