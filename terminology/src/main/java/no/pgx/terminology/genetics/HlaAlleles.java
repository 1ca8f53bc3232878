package no.pgx.terminology.genetics;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HLA allele names reduced to two fields, the resolution CPIC keys on ({@code *57:01}). Stateless. */
final class HlaAlleles {
    private static final Pattern HLA = Pattern.compile(
            "(?:HLA[-_ ]?)?([A-Z]{1,4}\\d?)?\\s*\\*?\\s*(\\d{2,4})(?::(\\d{2,4}))?((?::\\d{2,4}){0,2})([A-Z])?",
            Pattern.CASE_INSENSITIVE);

    private HlaAlleles() {
    }

    static String twoField(Gene gene, String token, String field) {
        return twoField(gene, token, field, token);
    }

    static String twoField(Gene gene, String token, String field, String text) {
        String t = token.trim();
        Matcher m = HLA.matcher(t);
        if (!m.matches()) {
            throw error(gene, field, text, "'" + t + "' is not an HLA allele (expected e.g. *57:01 or "
                    + gene.symbol() + "*57:01:01)");
        }
        String locus = m.group(1);
        String expected = gene.symbol().substring(gene.symbol().indexOf('-') + 1);
        if (locus != null && !locus.equalsIgnoreCase(expected)) {
            throw error(gene, field, text, "allele '" + t + "' is written for HLA-" + locus.toUpperCase(Locale.ROOT)
                    + ", not " + gene.symbol());
        }
        String first = m.group(2);
        String second = m.group(3);
        if (second == null) {
            if (first.length() == 4) {
                second = first.substring(2);
                first = first.substring(0, 2);
            } else {
                throw error(gene, field, text, "allele '" + t + "' has one field only; two-field resolution (e.g. *"
                        + first + ":01) is needed to tell the risk alleles apart");
            }
        } else if (first.length() > 3) {
            throw error(gene, field, text, "'" + t + "' is not an HLA allele (first field has more than 3 digits)");
        }
        String suffix = m.group(5) == null ? "" : m.group(5).toUpperCase(Locale.ROOT);
        return "*" + first + ":" + second + suffix;
    }

    private static NotationException error(Gene gene, String field, String text, String problem) {
        return new NotationException(gene.symbol(), field, text,
                gene.symbol() + " " + field + " '" + (text == null ? "" : text.trim()) + "': " + problem);
    }
}
