package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text conventions of lab results: gene prefixes on diplotypes ({@code CYP2D6*1/*4}, {@code CYP2C19 *2/*2}), HLA allele
 * names and presence words ({@code HLA-B*57:01 positive}, {@code påvist}). Notation is left to the engine; this class
 * only takes the result apart. Stateless apart from compiled patterns; thread-safe.
 */
final class ResultText {
    /** An HLA allele name: two to four colon-separated fields after the star ({@code *57:01}, {@code *57:01:01}). */
    private static final Pattern HLA_ALLELE = Pattern.compile("\\*\\s?(\\d{2,4}(?::\\d{2,4}){1,3}[A-Z]?)");
    /** The same without a star, directly after the locus ({@code HLA-B57:01}). */
    private static final Pattern HLA_ALLELE_AFTER_LOCUS =
            Pattern.compile("(?i)HLA[- ]?[A-Z]{1,4}(\\d{2,4}(?::\\d{2,4}){1,3})");
    // Negative words are tested first: "not detected" and "ikke påvist" contain the positive words.
    private static final Pattern NEGATIVE = Pattern.compile("(?iu)\\b(negative|negativ|absent|not\\s+detected"
            + "|not\\s+present|non-?carrier|ikke\\s+påvist|ikke\\s+til\\s+stede)\\b");
    private static final Pattern POSITIVE = Pattern.compile(
            "(?iu)\\b(positive|positiv|present|detected|carrier|påvist|til\\s+stede)\\b");

    /** The compiled patterns of {@link #stripGene} per gene symbol (compiling them was 3 % of a request's CPU). */
    private static final java.util.concurrent.ConcurrentHashMap<String, Pattern[]> GENE_PATTERNS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_GENES = 256;

    private ResultText() {
    }

    /**
     * Removes the gene symbol written before the alleles or the value: {@code CYP2D6*1/*4} → {@code *1/*4},
     * {@code CYP2C19 *2/*2} → {@code *2/*2}, {@code CYP2C19: Poor metabolizer} → {@code Poor metabolizer}.
     */
    static String stripGene(String text, String gene) {
        if (text == null) {
            return null;
        }
        Pattern[] p = GENE_PATTERNS.get(gene);
        if (p == null) {
            p = genePatterns(gene);
            if (GENE_PATTERNS.size() < MAX_CACHED_GENES) {  // genes are a short list; odd input is not kept
                GENE_PATTERNS.putIfAbsent(gene, p);
            }
        }
        String s = p[0].matcher(text).replaceAll("");
        return p[1].matcher(s).replaceFirst("").trim();
    }

    private static Pattern[] genePatterns(String gene) {
        String symbol = symbolRegex(gene);
        return new Pattern[] {
            // the symbol directly before a star allele, anywhere
            Pattern.compile("(?i)(?<![A-Za-z0-9])" + symbol + "\\s*(?=\\*)"),
            // a dash after the symbol separates it from the value, unless it is the sign of a position ("VKORC1
            // -1639G>A A/A", legacy notation the engine reads as it is)
            Pattern.compile("(?i)^\\s*" + symbol + "(?![A-Za-z0-9])\\s*(?:[:–]|-(?!\\d))?\\s*")
        };
    }

    /** @return true for a positive presence word, false for a negative one, null when the text has neither */
    static Boolean presence(String text) {
        if (text == null) {
            return null;
        }
        if (NEGATIVE.matcher(text).find()) {
            return Boolean.FALSE;
        }
        return POSITIVE.matcher(text).find() ? Boolean.TRUE : null;
    }

    /** @return the HLA allele names in a text, without the star ({@code 57:01:01}), in order */
    static List<String> hlaAlleles(String text) {
        List<String> alleles = new ArrayList<>();
        if (text == null) {
            return alleles;
        }
        Matcher m = HLA_ALLELE.matcher(text);
        while (m.find()) {
            alleles.add(m.group(1));
        }
        if (alleles.isEmpty()) {
            Matcher n = HLA_ALLELE_AFTER_LOCUS.matcher(text);
            while (n.find()) {
                alleles.add(n.group(1));
            }
        }
        return alleles;
    }

    /** The allele part of an allele status ({@code *57:01 positive} → {@code *57:01}). */
    static String allelePart(String alleleStatus) {
        int space = alleleStatus.indexOf(' ');
        return space < 0 ? alleleStatus : alleleStatus.substring(0, space);
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String symbolRegex(String gene) {
        int dash = gene.indexOf('-');
        return dash < 0 ? Pattern.quote(gene)
                : Pattern.quote(gene.substring(0, dash)) + "[- ]?" + Pattern.quote(gene.substring(dash + 1));
    }
}
