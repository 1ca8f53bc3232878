package no.pgx.terminology.genetics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads diplotypes as labs write them and returns them in CPIC spelling. Immutable and thread-safe.
 *
 * <p>Accepted notations, by the gene's {@link AlleleNotation}:
 * <ul>
 *   <li>star: {@code *1/*4}, {@code CYP2D6*1/*4}, {@code CYP2D6 *4/*1}, copy numbers {@code *1x2}, {@code *2x3},
 *   {@code *2xN}, {@code *2x≥3}, {@code *2x>=3} (also {@code X} and {@code ×}), tandems/hybrids {@code *36+*10} and
 *   {@code *36 + *10}, sub-alleles {@code *4.001} (reduced to {@code *4}), legacy letter sub-alleles {@code *2A} (kept:
 *   the allele table knows which are CPIC names), and the UGT1A1 promoter repeat {@code (TA)7} /
 *   {@code A(TA)7TAA} (kept as {@code (TA)7} for the allele table);</li>
 *   <li>HLA: {@code *57:01/*08:01}, {@code HLA-B*57:01:01/B*08:01} (reduced to two fields), {@code *5701};</li>
 *   <li>variant (DPYD, CACNA1S, RYR1): names such as {@code c.1905+1G>A (*2A)} or
 *   {@code c.1129-5923C>G, c.1236G>A (HapB3)} (the comma belongs to the name), {@code Reference}; several variants on
 *   one haplotype joined by {@code " + "} or {@code ;};</li>
 *   <li>rsID genes (VKORC1, ABCG2, IFNL3, and CYP4F2 as {@code rs2108622 C/T}): the CPIC allele names
 *   ({@code rs9923231 reference (C)/rs9923231 variant (T)}) and genotype shorthands {@code rs9923231 C/T},
 *   {@code rs9923231 CT}, {@code -1639 GA}, {@code CT};</li>
 *   <li>mitochondrial (MT-RNR1): one allele, {@code m.1555A>G}, {@code 1555A>G}, legacy {@code A1555G}, {@code Reference}.</li>
 * </ul>
 *
 * <p>The parser checks notation only; whether an allele exists for the gene is decided by the caller's allele table.
 */
public final class DiplotypeParser {
    /** Resource holding the single-variant (rsID) genes. */
    public static final String RSID_RESOURCE = "no/pgx/knowledge/genetics/rsid_variants.csv";

    private static final String FIELD = "diplotype";
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern STAR = Pattern.compile(
            "\\*(\\d{1,4})([A-Za-z])?(?:\\.\\d{1,4})?(?:[xX×](N|n|(?:≥|>=|=>)?\\d{1,6}))?");
    private static final Pattern PREFIXED = Pattern.compile("([A-Za-z][A-Za-z0-9-]*?)\\s*(\\*.*)");
    private static final Pattern TA_REPEAT = Pattern.compile("A?\\(TA\\)(\\d{1,2})(?:TAA)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,4}[A-Za-z]?(?:[xX×].*)?");
    private static final Pattern TANDEM = Pattern.compile("\\s*\\+\\s*");
    private static final Pattern CIS = Pattern.compile("\\s+\\+\\s+|\\s*;\\s*|\\s+&\\s+");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern OPEN = Pattern.compile("\\s*\\(\\s*");
    private static final Pattern CLOSE = Pattern.compile("\\s*\\)");
    private static final Pattern MITO = Pattern.compile("(?:m\\.)?(\\d{1,5})([ACGT])>(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MITO_LEGACY = Pattern.compile("([ACGT])(\\d{1,5})([ACGT])", Pattern.CASE_INSENSITIVE);

    private static volatile DiplotypeParser defaultParser;

    private final RsidGenotypes rsids;

    private DiplotypeParser(RsidGenotypes rsids) {
        this.rsids = rsids;
    }

    /**
     * @return the parser with the bundled rsID table (loaded once)
     * @throws no.pgx.knowledge.CsvTable.MalformedCsvException when the bundled table is broken
     */
    public static DiplotypeParser loadDefault() {
        DiplotypeParser p = defaultParser;
        if (p == null) {
            synchronized (DiplotypeParser.class) {
                p = defaultParser;
                if (p == null) {
                    p = new DiplotypeParser(RsidGenotypes.loadDefault());
                    defaultParser = p;
                }
            }
        }
        return p;
    }

    /**
     * Parses a diplotype for a gene.
     *
     * @param gene the gene; not null
     * @param text the diplotype as written; may be null
     * @return the parsed diplotype, never null
     * @throws NotationException (field {@code diplotype}) naming the gene and the offending token
     */
    public Diplotype parse(Gene gene, String text) {
        if (text == null || text.isBlank()) {
            throw error(gene, text, "diplotype is empty");
        }
        String s = stripGenePrefix(gene, SPACES.matcher(text).replaceAll(" ").trim());
        if (s.isEmpty()) {
            throw error(gene, text, "diplotype names only the gene");
        }
        List<Haplotype> haplotypes = rsids.parse(gene, s, text);
        if (haplotypes == null) {
            haplotypes = switch (gene.notation()) {
                case MITOCHONDRIAL -> List.of(mitochondrial(gene, s, text));
                default -> haplotypes(gene, s, text);
            };
        }
        return new Diplotype(gene.symbol(), text, haplotypes);
    }

    /**
     * Normalises one HLA allele to two fields ({@code HLA-B*57:01:01} → {@code *57:01}).
     *
     * @param gene  an HLA gene
     * @param token the allele as written
     * @param field the input field, for the error message
     * @return the two-field allele with a leading {@code *}
     * @throws NotationException when the token is not an HLA allele of this gene or has only one field
     */
    public static String hlaAllele(Gene gene, String token, String field) {
        return HlaAlleles.twoField(gene, token, field);
    }

    private List<Haplotype> haplotypes(Gene gene, String s, String text) {
        String[] parts = s.split("/", -1);
        if (parts.length != gene.ploidy()) {
            if (parts.length > gene.ploidy()) {
                throw error(gene, text, parts.length + " alleles separated by '/', expected " + gene.ploidy());
            }
            throw error(gene, text, "expected two alleles separated by '/' (e.g. "
                    + example(gene) + ")");
        }
        List<Haplotype> out = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                throw error(gene, text, "empty allele " + (i == 0 ? "before" : "after") + " '/'");
            }
            out.add(haplotype(gene, part, text));
        }
        return out;
    }

    private Haplotype haplotype(Gene gene, String part, String text) {
        return switch (gene.notation()) {
            case STAR -> starHaplotype(gene, part, text);
            case HLA -> Haplotype.of(Allele.of(HlaAlleles.twoField(gene, part, FIELD, text)));
            case VARIANT -> variantHaplotype(gene, part, text);
            case RSID -> Haplotype.of(Allele.of(variantName(gene, part)));
            case MITOCHONDRIAL -> throw new IllegalStateException("handled by mitochondrial()");
        };
    }

    private Haplotype starHaplotype(Gene gene, String part, String text) {
        String[] pieces = TANDEM.split(part, -1);
        List<Allele> alleles = new ArrayList<>(pieces.length);
        for (String piece : pieces) {
            if (piece.isBlank()) {
                throw error(gene, text, "empty allele around '+' in '" + part + "'");
            }
            alleles.add(starAllele(gene, piece.trim(), text));
        }
        return new Haplotype(alleles);
    }

    private Allele starAllele(Gene gene, String piece, String text) {
        String token = piece;
        Matcher prefixed = token.startsWith("*") ? null : PREFIXED.matcher(token);
        if (prefixed != null && prefixed.matches()) {
            String prefix = prefixed.group(1);
            if (!isThisGene(gene, prefix)) {
                throw error(gene, text, "allele '" + piece + "' is written for gene " + prefix.toUpperCase(Locale.ROOT)
                        + ", not " + gene.symbol());
            }
            token = prefixed.group(2);
        } else if (!token.startsWith("*") && BARE_NUMBER.matcher(token).matches()) {
            token = "*" + token;
        }
        if (token.indexOf(' ') >= 0) {
            token = token.replace(" ", "");
        }
        Matcher ta = TA_REPEAT.matcher(token);
        if (ta.matches()) {
            return Allele.of("(TA)" + Integer.parseInt(ta.group(1)));
        }
        Matcher m = STAR.matcher(token);
        if (!m.matches()) {
            throw error(gene, text, "'" + piece + "' is not a star allele (expected e.g. *1, *4, *2x2, *2x≥3, *36+*10)");
        }
        String name = "*" + Integer.parseInt(m.group(1)) + (m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT));
        String copy = m.group(3);
        if (copy == null) {
            return Allele.of(name);
        }
        if (!gene.allowsCopyNumber()) {
            throw error(gene, text, "copy-number notation 'x" + copy + "' in '" + piece + "' is not used for "
                    + gene.symbol());
        }
        if (copy.equalsIgnoreCase("N")) {
            return new Allele(name, 2, Allele.CopyNumber.UNSPECIFIED);
        }
        boolean atLeast = !Character.isDigit(copy.charAt(0));
        int copies = Integer.parseInt(atLeast ? copy.substring(copy.length() - digits(copy)) : copy);
        if (copies < 1 || copies > gene.maxCopies() || (atLeast && copies < 2)) {
            throw error(gene, text, "copy number " + (atLeast ? "≥" : "") + copies + " in '" + piece
                    + "' is implausible (expected 1 to " + gene.maxCopies() + " copies on one haplotype)");
        }
        return new Allele(name, copies, atLeast ? Allele.CopyNumber.AT_LEAST : Allele.CopyNumber.EXACT);
    }

    private static int digits(String s) {
        int n = 0;
        while (n < s.length() && Character.isDigit(s.charAt(s.length() - 1 - n))) {
            n++;
        }
        return n;
    }

    private Haplotype variantHaplotype(Gene gene, String part, String text) {
        String[] pieces = CIS.split(part, -1);
        List<Allele> alleles = new ArrayList<>(pieces.length);
        for (String piece : pieces) {
            if (piece.isBlank()) {
                throw error(gene, text, "empty variant name in '" + part + "'");
            }
            alleles.add(Allele.of(variantName(gene, piece)));
        }
        return new Haplotype(alleles);
    }

    private Haplotype mitochondrial(Gene gene, String s, String text) {
        String[] parts = s.split("/", -1);
        if (parts.length > 1) {
            String first = mitoName(parts[0]);
            for (String p : parts) {
                if (p.isBlank() || !mitoName(p).equals(first)) {
                    throw error(gene, text, gene.symbol() + " is mitochondrial: give one allele (e.g. m.1555A>G or "
                            + "Reference), not a diplotype");
                }
            }
            return Haplotype.of(Allele.of(first));
        }
        return Haplotype.of(Allele.of(mitoName(s)));
    }

    private static String mitoName(String token) {
        String t = token.trim();
        if (isReferenceWord(t)) {
            return "Reference";
        }
        Matcher m = MITO.matcher(t);
        if (m.matches()) {
            return "m." + m.group(1) + m.group(2).toUpperCase(Locale.ROOT) + ">" + m.group(3);
        }
        Matcher legacy = MITO_LEGACY.matcher(t);
        if (legacy.matches()) {
            return "m." + legacy.group(2) + legacy.group(1).toUpperCase(Locale.ROOT) + ">"
                    + legacy.group(3).toUpperCase(Locale.ROOT);
        }
        return t;
    }

    /** Canonical spelling of a free-form variant name: single spaces, {@code ", "} after commas, {@code " ("} before a parenthesis. */
    static String variantName(Gene gene, String token) {
        String t = token.trim();
        if (isReferenceWord(t)) {
            return "Reference";
        }
        t = COMMA.matcher(t).replaceAll(", ");
        t = OPEN.matcher(t).replaceAll(" (");
        t = CLOSE.matcher(t).replaceAll(")");
        if (t.startsWith("C.")) {
            t = "c." + t.substring(2);
        }
        return t;
    }

    static boolean isReferenceWord(String t) {
        String l = t.trim().toLowerCase(Locale.ROOT);
        return l.equals("reference") || l.equals("ref") || l.equals("wt") || l.equals("wild type")
                || l.equals("wild-type") || l.equals("wildtype");
    }

    private static boolean isThisGene(Gene gene, String prefix) {
        String key = GeneRegistry.key(prefix);
        return key.equals(gene.symbol()) || gene.aliases().contains(key);
    }

    private static String stripGenePrefix(Gene gene, String s) {
        for (String name : names(gene)) {
            if (s.length() > name.length() && s.regionMatches(true, 0, name, 0, name.length())) {
                char next = s.charAt(name.length());
                if (next == ' ' || next == ':') {
                    return s.substring(name.length() + 1).trim();
                }
            }
        }
        return s;
    }

    private static List<String> names(Gene gene) {
        List<String> names = new ArrayList<>();
        names.add(gene.symbol());
        names.addAll(gene.aliases());
        return names;
    }

    private static String example(Gene gene) {
        return switch (gene.notation()) {
            case STAR -> "*1/*4";
            case HLA -> "*57:01/*08:01";
            case VARIANT -> "c.1905+1G>A (*2A)/Reference";
            case RSID -> "rs9923231 C/T";
            case MITOCHONDRIAL -> "m.1555A>G";
        };
    }

    static NotationException error(Gene gene, String text, String problem) {
        return new NotationException(gene.symbol(), FIELD, text,
                gene.symbol() + " diplotype '" + (text == null ? "" : text.trim()) + "': " + problem);
    }
}
