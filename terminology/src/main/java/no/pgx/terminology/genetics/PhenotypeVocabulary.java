package no.pgx.terminology.genetics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import no.pgx.knowledge.CsvTable;

/**
 * The phenotype vocabulary: CPIC terms, the spellings accepted on input (abbreviations, synonyms, Norwegian labels) and
 * the fixed Norwegian (Bokmål) label of each term, read from {@code phenotypes.csv}. Immutable and thread-safe.
 *
 * <p>Terms are grouped by kind ({@code metabolizer}, {@code function}, {@code genotype}, {@code risk},
 * {@code susceptibility}, {@code g6pd}, {@code response}, {@code status}, {@code general}); a gene's kind
 * ({@link Gene#phenotypeKind()}) decides what an ambiguous word means ("normal" is {@code Normal Metabolizer} for
 * CYP2C19 and {@code Normal Function} for SLCO1B1).
 */
public final class PhenotypeVocabulary {
    /** Resource holding the vocabulary. */
    public static final String RESOURCE = "no/pgx/knowledge/genetics/phenotypes.csv";
    /** Kind of the terms valid for every gene ({@code Indeterminate}, {@code No Result}). */
    public static final String GENERAL = "general";

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0_]+");
    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("\\s*\\([^()]*\\)$");
    private static final Pattern STATUS_ITEM = Pattern.compile("(\\*\\d{2,3}:\\d{2,3}[A-Z]?) (positive|negative)");

    private static volatile PhenotypeVocabulary defaultVocabulary;

    /**
     * One term.
     *
     * @param term      the canonical (CPIC) term
     * @param kind      the vocabulary family
     * @param nbLabel   the fixed Norwegian label
     * @param spellings every accepted spelling, normalised (lower case, single spaces)
     */
    public record Term(String term, String kind, String nbLabel, Set<String> spellings) {
        /**
         * Keeps an unmodifiable copy of the spellings.
         *
         * @param term      the canonical (CPIC) term
         * @param kind      the vocabulary family
         * @param nbLabel   the fixed Norwegian label
         * @param spellings every accepted spelling, normalised; not null, no null element
         * @throws NullPointerException when {@code spellings} is null or holds null
         */
        public Term {
            spellings = Set.copyOf(spellings);
        }
    }

    private final Map<String, Term> byTerm;
    private final Map<String, List<Term>> bySpelling;
    private final CsvTable table;

    private PhenotypeVocabulary(CsvTable table) {
        this.table = table;
        Map<String, Term> terms = new LinkedHashMap<>();
        Map<String, List<Term>> spellings = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Term t = toTerm(row);
            if (terms.put(t.term(), t) != null) {
                throw row.error("duplicate term '" + t.term() + "'");
            }
            for (String s : t.spellings()) {
                spellings.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
            }
        }
        this.byTerm = Collections.unmodifiableMap(terms);
        Map<String, List<Term>> frozen = new HashMap<>();
        spellings.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.bySpelling = Map.copyOf(frozen);
    }

    /**
     * @return the bundled vocabulary (loaded once)
     * @throws CsvTable.MalformedCsvException when the bundled table is broken
     */
    public static PhenotypeVocabulary loadDefault() {
        PhenotypeVocabulary v = defaultVocabulary;
        if (v == null) {
            synchronized (PhenotypeVocabulary.class) {
                v = defaultVocabulary;
                if (v == null) {
                    v = new PhenotypeVocabulary(CsvTable.readResource(RESOURCE));
                    defaultVocabulary = v;
                }
            }
        }
        return v;
    }

    /**
     * Reads a phenotype as written, whatever its kind.
     *
     * @param text the phenotype as written ({@code PM}, {@code poor metabolizer}, {@code langsom omsetter},
     *             {@code langsom omsetter (Poor Metabolizer)} …)
     * @return the canonical CPIC term
     * @throws NotationException (field {@code phenotype}) when the text is empty, unknown or ambiguous
     */
    public String parse(String text) {
        return parse(text, null);
    }

    /**
     * Reads a phenotype as written, preferring terms of the given kind.
     *
     * @param text the phenotype as written
     * @param kind the preferred kind (a gene's {@link Gene#phenotypeKind()}), or null for any
     * @return the canonical CPIC term
     * @throws NotationException (field {@code phenotype}) when the text is empty, unknown or ambiguous
     */
    public String parse(String text, String kind) {
        return find(text, kind).map(Term::term).orElseThrow(() -> new NotationException(null, "phenotype", text,
                text == null || text.isBlank() ? "Phenotype is empty" : "Unknown phenotype '" + text.trim() + "'"));
    }

    /**
     * @param text the phenotype as written; may be null
     * @param kind the preferred kind, or null for any
     * @return the term, or empty when unknown
     * @throws NotationException when the text fits several terms and the kind does not decide
     */
    public Optional<Term> find(String text, String kind) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = normalize(text);
        Optional<Term> found = lookup(key, kind, text);
        if (found.isEmpty()) {
            String stripped = TRAILING_PARENTHESIS.matcher(key).replaceAll("");
            String noSuffix = stripped.endsWith(" phenotype") ? stripped.substring(0, stripped.length() - 10) : stripped;
            if (!noSuffix.equals(key) && !noSuffix.isEmpty()) {
                found = lookup(noSuffix, kind, text);
            }
        }
        return found;
    }

    private Optional<Term> lookup(String key, String kind, String text) {
        List<Term> candidates = bySpelling.get(key);
        if (candidates == null) {
            return Optional.empty();
        }
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        for (Term t : candidates) {
            if (t.kind().equals(kind)) {
                return Optional.of(t);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        candidates.forEach(t -> names.add(t.term()));
        throw new NotationException(null, "phenotype", text, "Phenotype '" + text.trim() + "' is ambiguous ("
                + String.join(", ", names) + "); name the gene or write the full term");
    }

    /**
     * The fixed Norwegian label of a canonical term. HLA allele-status keys ({@code *57:01 positive;*58:01 negative})
     * are labelled item by item ({@code *57:01 påvist; *58:01 ikke påvist}).
     *
     * @param term a canonical term as returned by {@link #parse(String)}
     * @return the Norwegian label, never null
     * @throws NotationException when the term is not a canonical term of this vocabulary
     */
    public String norwegianLabel(String term) {
        Objects.requireNonNull(term, "term");
        Term t = byTerm.get(term);
        if (t != null) {
            return t.nbLabel();
        }
        String[] items = term.split(";");
        List<String> labels = new ArrayList<>(items.length);
        for (String item : items) {
            var m = STATUS_ITEM.matcher(item.trim());
            if (!m.matches()) {
                throw new NotationException(null, "phenotype", term, "No Norwegian label for '" + term
                        + "': not a canonical phenotype term");
            }
            labels.add(m.group(1) + " " + byTerm.get(m.group(2)).nbLabel());
        }
        return String.join("; ", labels);
    }

    /**
     * @param term a canonical term as returned by {@link #parse(String)}; not null
     * @return the label shown to users: Norwegian label with the English term beside it, e.g.
     *         {@code langsom omsetter (Poor Metabolizer)}; the term alone when both are the same
     * @throws NotationException when the term is not canonical
     * @throws NullPointerException when {@code term} is null
     */
    public String displayLabel(String term) {
        String nb = norwegianLabel(term);
        return nb.equals(term) ? term : nb + " (" + term + ")";
    }

    /**
     * @param term a canonical term, exact spelling ({@code Poor Metabolizer}); other spellings are not looked up
     * @return the term, or empty when it is not a canonical term
     */
    public Optional<Term> term(String term) {
        return Optional.ofNullable(byTerm.get(term));
    }

    /** @return every canonical term in table order */
    public Set<String> terms() {
        return byTerm.keySet();
    }

    /** @return the underlying table (metadata: source, version, licence) */
    public CsvTable table() {
        return table;
    }

    static String normalize(String text) {
        String s = SPACES.matcher(text.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return s.replace("metaboliser", "metabolizer");
    }

    private static Term toTerm(CsvTable.Row row) {
        String term = row.require("term");
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(normalize(term));
        spellings.add(normalize(row.require("nb_label")));
        for (String column : List.of("abbreviations", "synonyms")) {
            String v = row.getOrNull(column);
            if (v != null) {
                for (String s : v.split("\\|")) {
                    if (!s.isBlank()) {
                        spellings.add(normalize(s));
                    }
                }
            }
        }
        return new Term(term, row.require("kind"), row.require("nb_label"), spellings);
    }
}
