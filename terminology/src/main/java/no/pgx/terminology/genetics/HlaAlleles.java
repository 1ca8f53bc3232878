package no.pgx.terminology.genetics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HLA allele names and typings, reduced to two fields: the protein-level resolution CPIC recommendations key on
 * ({@code *57:01}). Stateless and thread-safe.
 *
 * <p>Allele names: {@code *57:01}, {@code B*57:01}, {@code HLA-B*57:01:01:02}, {@code *5701}; IMGT/HLA G groups
 * ({@code *57:01:01G}: alleles with identical antigen-recognition-domain sequence, named after their first allele) and P
 * groups ({@code *57:01P}: identical protein sequence there) are read as the two-field allele they are named after.
 * Expression suffixes ({@code N} null, {@code L}, {@code S}, {@code C}, {@code A}, {@code Q}) are kept: a null allele
 * {@code *57:01N} would not be {@code *57:01}.
 *
 * <p>Typings ({@link #typing}) are read in two notations:
 * <ul>
 *   <li>GL String (Milius et al. 2013, used by the HL7 Genomics Reporting IG with system {@code http://glstring.org}):
 *   {@code hla#3.23.0#HLA-B*15:01:01G+HLA-B*57:01:01G}. Operators, tightest first: {@code /} alternative alleles
 *   (ambiguity), {@code ~} alleles of one phased haplotype across loci, {@code +} the two alleles of a genotype,
 *   {@code |} alternative genotypes, {@code ^} genotypes of different loci. The {@code namespace#version#} prefix is
 *   optional. Alleles of other loci are left out.</li>
 *   <li>CPIC diplotype notation, when the text has none of the GL operators {@code + | ^ ~} and no prefix:
 *   {@code *57:01/*08:01}, where {@code /} separates the two alleles.</li>
 * </ul>
 */
public final class HlaAlleles {
    private static final Pattern HLA = Pattern.compile(
            "(?:HLA[-_ ]?)?([A-Z]{1,4}\\d?)?\\s*\\*?\\s*(\\d{2,4})(?::(\\d{2,4}))?((?::\\d{2,4}){0,2})([A-Z])?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMESPACE = Pattern.compile("^\\s*[A-Za-z][A-Za-z0-9-]*#[^#\\s]*#");
    private static final Pattern LOCUS = Pattern.compile("^\\s*(?:HLA[-_ ]?)?([A-Za-z]{1,4}\\d?)\\s*\\*");
    private static final Pattern ANY_LOCUS = Pattern.compile("(?:HLA[-_ ]?)?([A-Za-z]{1,4}\\d?)\\s*\\*");
    /** Group designations: the allele they are named after. */
    private static final Set<String> GROUP_SUFFIXES = Set.of("G", "P");

    private HlaAlleles() {
    }

    /** Whether a typing shows an allele. */
    public enum Presence {
        /** Every genotype the typing allows carries the allele. */
        PRESENT,
        /** No genotype the typing allows carries it, and every genotype names both alleles. */
        ABSENT,
        /**
         * Some allowed genotypes carry it and others do not (an ambiguous typing such as {@code *57:01/*57:03+*08:01}),
         * or the typing names only one allele: the status is not known.
         */
        UNKNOWN
    }

    /**
     * A typing of one HLA locus at two-field resolution.
     *
     * @param gene      the gene symbol ({@code HLA-B})
     * @param asWritten the typing as written
     * @param genotypes the alternative genotypes (one unless the GL String has {@code |}); each has one or two positions,
     *                  each position a set of alternative two-field alleles (one unless the typing is ambiguous)
     */
    public record Typing(String gene, String asWritten, List<List<Set<String>>> genotypes) {
        /**
         * Keeps an unmodifiable deep copy of the genotypes (position sets keep their order).
         *
         * @param gene      the gene symbol
         * @param asWritten the typing as written
         * @param genotypes the alternative genotypes; not null, no null element
         * @throws NullPointerException when {@code genotypes} or one of its lists or sets is null
         */
        public Typing {
            List<List<Set<String>>> copy = new ArrayList<>();
            for (List<Set<String>> g : genotypes) {
                List<Set<String>> positions = new ArrayList<>();
                for (Set<String> p : g) {
                    positions.add(Collections.unmodifiableSet(new LinkedHashSet<>(p)));
                }
                copy.add(List.copyOf(positions));
            }
            genotypes = List.copyOf(copy);
        }

        /**
         * @param allele a two-field allele ({@code *57:01})
         * @return whether the typing shows it
         */
        public Presence presence(String allele) {
            boolean allCarry = true;
            boolean noneMayCarry = true;
            boolean allComplete = true;
            for (List<Set<String>> genotype : genotypes) {
                boolean carries = false;
                for (Set<String> position : genotype) {
                    carries |= position.size() == 1 && position.contains(allele);
                    noneMayCarry &= !position.contains(allele);
                }
                allCarry &= carries;
                allComplete &= genotype.size() == 2;
            }
            if (allCarry) {
                return Presence.PRESENT;
            }
            return noneMayCarry && allComplete ? Presence.ABSENT : Presence.UNKNOWN;
        }

        /**
         * @return the two alleles in CPIC notation ({@code *15:01/*57:01}, in the order written) when the typing names
         *         exactly one genotype of two alleles at two-field resolution; empty when it is ambiguous or names one
         *         allele
         */
        public Optional<String> diplotype() {
            if (genotypes.size() != 1 || genotypes.get(0).size() != 2) {
                return Optional.empty();
            }
            List<Set<String>> g = genotypes.get(0);
            if (g.get(0).size() != 1 || g.get(1).size() != 1) {
                return Optional.empty();
            }
            return Optional.of(g.get(0).iterator().next() + "/" + g.get(1).iterator().next());
        }

        /** @return true when the typing allows more than one two-field genotype */
        public boolean ambiguous() {
            if (genotypes.size() > 1) {
                return true;
            }
            return genotypes.get(0).stream().anyMatch(p -> p.size() > 1);
        }

        /** @return every two-field allele the typing names, in the order written */
        public Set<String> alleles() {
            Set<String> all = new LinkedHashSet<>();
            genotypes.forEach(g -> g.forEach(all::addAll));
            return all;
        }
    }

    /**
     * Normalises one HLA allele name to two fields ({@code HLA-B*57:01:01G} → {@code *57:01}).
     *
     * @param gene   an HLA gene; not null
     * @param allele the allele as written
     * @return the two-field allele with a leading {@code *}
     * @throws NotationException (field {@code allele}) when the text is not an allele of this gene or has one field only
     */
    public static String twoField(Gene gene, String allele) {
        return twoField(gene, allele == null ? "" : allele, "allele");
    }

    /**
     * @param text a typing as written; may be null
     * @return true when the text uses GL String notation: a {@code namespace#version#} prefix or one of the operators
     *         {@code + | ^ ~}; false for null
     */
    public static boolean isGlString(String text) {
        return text != null && (NAMESPACE.matcher(text).find() || text.indexOf('+') >= 0 || text.indexOf('|') >= 0
                || text.indexOf('^') >= 0 || text.indexOf('~') >= 0);
    }

    /**
     * Reads a typing of the gene's locus in GL String or CPIC diplotype notation (see the class comment).
     *
     * @param gene  an HLA gene; not null
     * @param text  the typing as written
     * @param field the input field, for error messages
     * @return the typing at two-field resolution, never null
     * @throws NotationException naming gene, field and the offending part when the text is not a typing of this locus
     */
    public static Typing typing(Gene gene, String text, String field) {
        if (text == null || text.isBlank()) {
            throw error(gene, field, text, "the typing is empty");
        }
        boolean gl = isGlString(text);
        String body = NAMESPACE.matcher(text).replaceFirst("").trim();
        List<List<Set<String>>> genotypes = new ArrayList<>();
        if (!gl) {
            List<Set<String>> positions = new ArrayList<>();
            String[] parts = body.split("/", -1);
            if (parts.length > 2) {
                throw error(gene, field, text, parts.length + " alleles separated by '/', expected two");
            }
            for (String part : parts) {
                positions.add(Set.of(twoField(gene, part, field, text)));
            }
            genotypes.add(positions);
        } else {
            for (String locusBlock : body.split("\\^", -1)) {
                if (namesLocus(gene, locusBlock)) {
                    for (String genotype : locusBlock.split("\\|", -1)) {
                        genotypes.add(genotype(gene, genotype, text, field));
                    }
                }
            }
        }
        if (genotypes.isEmpty()) {
            throw error(gene, field, text, "the typing names no " + gene.symbol() + " allele");
        }
        return new Typing(gene.symbol(), text, genotypes);
    }

    private static List<Set<String>> genotype(Gene gene, String genotype, String text, String field) {
        String[] parts = genotype.split("\\+", -1);
        if (parts.length > 2) {
            throw error(gene, field, text, "'" + genotype.trim() + "' joins " + parts.length
                    + " alleles with '+', expected at most two");
        }
        List<Set<String>> positions = new ArrayList<>();
        for (String part : parts) {
            Set<String> alternatives = new LinkedHashSet<>();
            for (String haplotypePart : part.split("~", -1)) {
                if (isOtherLocus(gene, haplotypePart)) {
                    continue;
                }
                for (String allele : haplotypePart.split("/", -1)) {
                    alternatives.add(twoField(gene, allele, field, text));
                }
            }
            if (alternatives.isEmpty()) {
                throw error(gene, field, text, "'" + part.trim() + "' names no " + gene.symbol() + " allele");
            }
            positions.add(alternatives);
        }
        return positions;
    }

    /** True when some allele of a GL String block is written for the gene's locus, or none names its locus. */
    private static boolean namesLocus(Gene gene, String block) {
        Matcher m = ANY_LOCUS.matcher(block);
        boolean any = false;
        while (m.find()) {
            any = true;
            if (m.group(1).equalsIgnoreCase(locus(gene))) {
                return true;
            }
        }
        return !any;
    }

    /** True when the first allele of a part is written for another locus ({@code HLA-A*01:01} when reading HLA-B). */
    private static boolean isOtherLocus(Gene gene, String part) {
        Matcher m = LOCUS.matcher(part);
        return m.find() && !m.group(1).equalsIgnoreCase(locus(gene));
    }

    private static String locus(Gene gene) {
        return gene.symbol().substring(gene.symbol().indexOf('-') + 1);
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
        String expected = locus(gene);
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
        if (GROUP_SUFFIXES.contains(suffix)) {
            // A G or P group is named after its first allele; its two fields are that allele's protein.
            suffix = "";
        }
        return "*" + first + ":" + second + suffix;
    }

    private static NotationException error(Gene gene, String field, String text, String problem) {
        return new NotationException(gene.symbol(), field, text,
                gene.symbol() + " " + field + " '" + (text == null ? "" : text.trim()) + "': " + problem);
    }
}
