package no.pgx.terminology.genomics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.pgx.knowledge.CsvTable;

/**
 * The bundled genomic code tables: LOINC/IG/SNOMED codes by {@link GenomicConcept}, pharmacogenes with HGNC ids, and
 * the LOINC answer codes of CPIC phenotype terms.
 *
 * <p>Immutable and thread-safe. {@link #loadDefault()} reads the tables once per class loader. Lookups never throw for
 * unknown or null input: they return an empty result.
 */
public final class GenomicCodes {
    private static final String BASE = "no/pgx/knowledge/genomics/";
    private static final Pattern HGNC_ID = Pattern.compile("HGNC:\\d+");
    private static final Pattern LOINC_ANSWER = Pattern.compile("LA\\d+-\\d");
    private static final Object LOCK = new Object();
    private static volatile GenomicCodes defaultCodes;

    private final String version;
    private final Map<GenomicConcept, GenomicCode> concepts;
    private final Map<GenomicConcept, String> conceptGenes;
    private final List<GeneCode> genes;
    private final Map<String, GeneCode> genesByKey = new LinkedHashMap<>();
    private final Map<String, GeneCode> genesByHgncNumber = new LinkedHashMap<>();
    private final Pattern geneMention;
    private final List<PhenotypeAnswer> phenotypes;
    private final Map<String, PhenotypeAnswer> phenotypesByAnswer = new LinkedHashMap<>();
    private final Map<String, PhenotypeAnswer> phenotypesByTerm = new LinkedHashMap<>();

    private GenomicCodes(CsvTable codes, CsvTable geneTable, CsvTable phenotypeTable) {
        this.version = requireHeaders(codes);
        requireHeaders(geneTable);
        requireHeaders(phenotypeTable);
        Map<GenomicConcept, GenomicCode> c = new EnumMap<>(GenomicConcept.class);
        Map<GenomicConcept, String> g = new EnumMap<>(GenomicConcept.class);
        readConcepts(codes, c, g);
        this.concepts = Collections.unmodifiableMap(c);
        this.conceptGenes = Collections.unmodifiableMap(g);
        this.genes = List.copyOf(readGenes(geneTable));
        this.geneMention = mentionPattern(genes);
        this.phenotypes = List.copyOf(readPhenotypes(phenotypeTable));
    }

    /**
     * The tables bundled with this library, loaded on first use.
     *
     * @return the shared instance, never null
     * @throws IllegalStateException when a bundled table is missing or inconsistent (a packaging error)
     */
    public static GenomicCodes loadDefault() {
        GenomicCodes codes = defaultCodes;
        if (codes == null) {
            synchronized (LOCK) {
                codes = defaultCodes;
                if (codes == null) {
                    codes = load(GenomicCodes.class.getClassLoader());
                    defaultCodes = codes;
                }
            }
        }
        return codes;
    }

    private static GenomicCodes load(ClassLoader loader) {
        try {
            return new GenomicCodes(CsvTable.readResource(BASE + "genomic_codes.csv", loader),
                    CsvTable.readResource(BASE + "genes.csv", loader),
                    CsvTable.readResource(BASE + "phenotype_answers.csv", loader));
        } catch (CsvTable.MalformedCsvException e) {
            throw new IllegalStateException("Bundled genomic code table is broken: " + e.getMessage(), e);
        }
    }

    /** @return the data version of {@code genomic_codes.csv} (its {@code # version:} header) */
    public String version() {
        return version;
    }

    /**
     * @param concept the concept; not null
     * @return the code of a concept; never null for a non-null concept (every concept has a row, checked at load)
     */
    public GenomicCode code(GenomicConcept concept) {
        return concepts.get(concept);
    }

    /**
     * @param system code system URI; surrounding blanks are ignored; null gives empty
     * @param code   the code, case-sensitive; surrounding blanks are ignored; null gives empty
     * @return the concept with exactly this system and code, or empty
     */
    public Optional<GenomicConcept> concept(String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        return concepts.entrySet().stream().filter(e -> e.getValue().is(system.trim(), code.trim()))
                .map(Map.Entry::getKey).findFirst();
    }

    /**
     * @param concept the concept; null gives empty
     * @return the gene a gene-specific concept is about (CYP2C9 for {@link GenomicConcept#CYP2C9_METABOLIC_ACTIVITY}),
     *         or empty when the concept is not gene-specific
     */
    public Optional<String> geneOf(GenomicConcept concept) {
        return Optional.ofNullable(conceptGenes.get(concept));
    }

    /** @return every recognised pharmacogene, in table order */
    public List<GeneCode> genes() {
        return genes;
    }

    /**
     * @param symbol gene symbol, case-insensitive; {@code HLA-B}, {@code HLA B} and {@code HLAB} are the same gene
     * @return the gene, or empty when it is not a recognised pharmacogene
     */
    public Optional<GeneCode> gene(String symbol) {
        return symbol == null ? Optional.empty() : Optional.ofNullable(genesByKey.get(geneKey(symbol)));
    }

    /**
     * @param hgncId an HGNC gene id as systems send it: {@code HGNC:2625}, {@code hgnc:2625} or the bare {@code 2625}
     * @return the gene, or empty when the id is not one of the recognised pharmacogenes
     */
    public Optional<GeneCode> geneByHgncId(String hgncId) {
        if (hgncId == null) {
            return Optional.empty();
        }
        String s = hgncId.trim();
        if (s.regionMatches(true, 0, "HGNC:", 0, 5)) {
            s = s.substring(5).trim();
        }
        return Optional.ofNullable(genesByHgncNumber.get(s));
    }

    /**
     * The recognised genes named in a free text ({@code "CYP2C19 *2/*2"}, {@code "HLA-B*57:01 positive"}), in order of
     * first appearance. A symbol counts only as a whole word, so {@code CYP2C9} is not found in {@code CYP2C19}.
     *
     * @param text any text, or null
     * @return gene symbols (canonical spelling), possibly empty; never null
     */
    public Set<String> genesIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        Matcher m = geneMention.matcher(text);
        while (m.find()) {
            GeneCode gene = genesByKey.get(geneKey(m.group()));
            if (gene != null) {
                found.add(gene.symbol());
            }
        }
        return found;
    }

    /** @return every phenotype term in table order */
    public List<PhenotypeAnswer> phenotypes() {
        return phenotypes;
    }

    /**
     * @param loincAnswer a LOINC answer code such as {@code LA9657-3}
     * @return the phenotype with that answer code, or empty
     */
    public Optional<PhenotypeAnswer> phenotypeByAnswer(String loincAnswer) {
        return loincAnswer == null ? Optional.empty()
                : Optional.ofNullable(phenotypesByAnswer.get(loincAnswer.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * @param cpicTerm a CPIC term ({@code Poor Metabolizer}) or LOINC answer display ({@code Poor metabolizer});
     *                 case- and whitespace-insensitive
     * @return the phenotype answer, or empty when the term has no LOINC answer
     */
    public Optional<PhenotypeAnswer> phenotype(String cpicTerm) {
        return cpicTerm == null ? Optional.empty() : Optional.ofNullable(phenotypesByTerm.get(textKey(cpicTerm)));
    }

    private static void readConcepts(CsvTable table, Map<GenomicConcept, GenomicCode> out,
                                     Map<GenomicConcept, String> genesOut) {
        for (CsvTable.Row row : table.rows()) {
            GenomicConcept concept;
            try {
                concept = GenomicConcept.valueOf(row.require("key"));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown concept key '" + row.get("key") + "'");
            }
            if (out.put(concept, new GenomicCode(row.require("system"), row.require("code"), row.require("display")))
                    != null) {
                throw row.error("duplicate concept key " + concept);
            }
            row.require("verified_in");
            String gene = row.getOrNull("gene");
            if (gene != null) {
                genesOut.put(concept, gene);
            }
        }
        for (GenomicConcept concept : GenomicConcept.values()) {
            if (!out.containsKey(concept)) {
                throw new CsvTable.MalformedCsvException(table.name(), 0, "no row for concept " + concept);
            }
        }
    }

    private List<GeneCode> readGenes(CsvTable table) {
        List<GeneCode> list = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String symbol = row.require("symbol");
            String id = row.getOrNull("hgnc_id");
            if (!symbol.equals(symbol.toUpperCase(Locale.ROOT))) {
                throw row.error("gene symbol '" + symbol + "' is not upper case");
            }
            if (id != null && !HGNC_ID.matcher(id).matches()) {
                throw row.error("HGNC id '" + id + "' is not of the form HGNC:<number>");
            }
            row.require("verified_in");
            GeneCode gene = new GeneCode(symbol, id);
            if (genesByKey.put(geneKey(symbol), gene) != null) {
                throw row.error("duplicate gene " + symbol);
            }
            if (id != null && genesByHgncNumber.put(id.substring(5), gene) != null) {
                throw row.error("duplicate HGNC id " + id);
            }
            list.add(gene);
        }
        return list;
    }

    private List<PhenotypeAnswer> readPhenotypes(CsvTable table) {
        List<PhenotypeAnswer> list = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String code = row.require("loinc_answer");
            if (!LOINC_ANSWER.matcher(code).matches()) {
                throw row.error("LOINC answer '" + code + "' is not of the form LA<n>-<check digit>");
            }
            PhenotypeAnswer p = new PhenotypeAnswer(row.require("cpic_term"),
                    new GenomicCode(GenomicSystems.LOINC, code, row.require("loinc_display")));
            if (phenotypesByAnswer.put(code, p) != null) {
                throw row.error("duplicate LOINC answer " + code);
            }
            if (phenotypesByTerm.put(textKey(p.cpicTerm()), p) != null) {
                throw row.error("duplicate phenotype term " + p.cpicTerm());
            }
            list.add(p);
        }
        return list;
    }

    private static Pattern mentionPattern(List<GeneCode> genes) {
        List<String> alternatives = new ArrayList<>();
        genes.stream().map(GeneCode::symbol).sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(symbol -> alternatives.add(symbolRegex(symbol)));
        return Pattern.compile("(?<![A-Za-z0-9])(?:" + String.join("|", alternatives) + ")",
                Pattern.CASE_INSENSITIVE);
    }

    private static String symbolRegex(String symbol) {
        int dash = symbol.indexOf('-');
        String body = dash < 0 ? Pattern.quote(symbol)
                : Pattern.quote(symbol.substring(0, dash)) + "[- ]?" + Pattern.quote(symbol.substring(dash + 1));
        // HLA alleles are often written straight after the locus (HLA-B57:01); other symbols must end as a word.
        return symbol.startsWith("HLA-") ? body + "(?![A-Za-z])" : body + "(?![A-Za-z0-9])";
    }

    private static String geneKey(String symbol) {
        return symbol.trim().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }

    private static String textKey(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Every knowledge table states its source, version and licence (house rule); returns the version. */
    private static String requireHeaders(CsvTable table) {
        for (String key : List.of("source", "version", "licence")) {
            if (table.metadata(key) == null) {
                throw new CsvTable.MalformedCsvException(table.name(), 0, "missing '# " + key + ":' header line");
            }
        }
        return table.metadata("version");
    }
}
