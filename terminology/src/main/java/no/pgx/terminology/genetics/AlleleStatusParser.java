package no.pgx.terminology.genetics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads allele status as labs write it: {@code *57:01 positive}, {@code HLA-B*57:01 pos},
 * {@code *57:01 positive; *58:01 negative}, {@code HLA-B*5701 not detected}, {@code påvist}. Immutable and thread-safe.
 */
public final class AlleleStatusParser {
    private static final String FIELD = "alleleStatus";
    private static final Pattern SEPARATOR = Pattern.compile("[;,]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<String> positive;
    private final List<String> negative;

    /**
     * @param vocabulary the vocabulary whose {@code positive}/{@code negative} terms supply the status words
     */
    public AlleleStatusParser(PhenotypeVocabulary vocabulary) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        this.positive = words(vocabulary, "positive");
        this.negative = words(vocabulary, "negative");
    }

    /**
     * @param gene  an allele-status gene (HLA-A, HLA-B)
     * @param text  the status as written; items separated by {@code ;} or {@code ,}
     * @param field the input field, for error messages ({@code alleleStatus}, {@code phenotype}, {@code diplotype})
     * @return one status per item, in the order written; never empty
     * @throws NotationException naming gene, field and item when an item has no status word or a bad allele
     */
    public List<AlleleStatus> parse(Gene gene, String text, String field) {
        String f = field == null ? FIELD : field;
        if (text == null || text.isBlank()) {
            throw new NotationException(gene.symbol(), f, text, gene.symbol() + " " + f + " is empty");
        }
        List<AlleleStatus> out = new ArrayList<>();
        for (String item : SEPARATOR.split(text)) {
            if (item.isBlank()) {
                continue;
            }
            out.add(item(gene, SPACES.matcher(item.trim()).replaceAll(" "), text, f));
        }
        if (out.isEmpty()) {
            throw new NotationException(gene.symbol(), f, text, gene.symbol() + " " + f + " '" + text + "' is empty");
        }
        return out;
    }

    /**
     * @param text the field as written; may be null
     * @return true when an item of the text ({@code ;} or {@code ,} separated) ends with a status word (so a diplotype
     *         field holding "*57:01 positive" can be recognised as an allele status); false for null
     */
    public boolean looksLikeStatus(String text) {
        if (text == null) {
            return false;
        }
        String last = text.trim().toLowerCase(Locale.ROOT);
        for (String item : SEPARATOR.split(last)) {
            String t = item.trim();
            if (!t.isEmpty() && (suffix(t, positive) != null || suffix(t, negative) != null)) {
                return true;
            }
        }
        return false;
    }

    private AlleleStatus item(Gene gene, String item, String text, String field) {
        String lower = item.toLowerCase(Locale.ROOT);
        String word = suffix(lower, negative);
        boolean pos = false;
        if (word == null) {
            word = suffix(lower, positive);
            pos = word != null;
        }
        if (word == null) {
            throw new NotationException(gene.symbol(), field, text, gene.symbol() + " " + field + " '" + text.trim()
                    + "': '" + item + "' says neither positive nor negative");
        }
        String allele = item.substring(0, item.length() - word.length()).trim();
        if (allele.isEmpty()) {
            return new AlleleStatus(null, pos);
        }
        return new AlleleStatus(HlaAlleles.twoField(gene, allele, field, text), pos);
    }

    /** @return the status word the text ends with (longest first), or null */
    private static String suffix(String lower, List<String> words) {
        for (String w : words) {
            if (lower.equals(w)) {
                return w;
            }
            if (lower.endsWith(w) && lower.length() > w.length()) {
                char before = lower.charAt(lower.length() - w.length() - 1);
                boolean symbol = !Character.isLetter(w.charAt(0));
                if (before == ' ' || (symbol && Character.isDigit(before))) {
                    return w;
                }
            }
        }
        return null;
    }

    private static List<String> words(PhenotypeVocabulary vocabulary, String term) {
        PhenotypeVocabulary.Term t = vocabulary.term(term).orElseThrow(() ->
                new IllegalStateException("vocabulary has no term '" + term + "'"));
        List<String> words = new ArrayList<>(t.spellings());
        words.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(words);
    }
}
