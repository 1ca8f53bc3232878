package no.pgx.terminology.genetics;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.pgx.knowledge.CsvTable;

/**
 * Genotype shorthands of single-variant genes ({@code rs9923231 C/T}, {@code -1639 GA}, {@code CT}) turned into CPIC
 * allele names, from {@code rsid_variants.csv}. Immutable and thread-safe.
 */
final class RsidGenotypes {
    private static final Pattern RS_PAIR = Pattern.compile(
            "(rs\\d+)\\s*[:\\s]?\\s*([ACGT])\\s*[/|]?\\s*([ACGT])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALIAS_PAIR = Pattern.compile(
            "(?:c\\.)?(-?\\d+)(?:\\s*[ACGT]\\s*>\\s*[ACGT])?\\s*[:\\s]?\\s*([ACGT])\\s*[/|]?\\s*([ACGT])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_PAIR = Pattern.compile("([ACGT])\\s*[/|]?\\s*([ACGT])", Pattern.CASE_INSENSITIVE);
    private static final Pattern RS_SINGLE = Pattern.compile("(?:(rs\\d+)\\s*[:\\s]?\\s*)?([ACGT])", Pattern.CASE_INSENSITIVE);

    /** One single-variant gene. */
    record Variant(String gene, String rsid, char ref, char alt, String refAllele, String altAllele, String alias,
                   char aliasRef, char aliasAlt) {
        boolean hasAlias() {
            return alias != null;
        }
    }

    private final Map<String, Variant> byGene;

    private RsidGenotypes(Map<String, Variant> byGene) {
        this.byGene = Map.copyOf(byGene);
    }

    static RsidGenotypes loadDefault() {
        CsvTable table = CsvTable.readResource(DiplotypeParser.RSID_RESOURCE);
        Map<String, Variant> map = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String alias = row.getOrNull("alias");
            map.put(row.require("gene"), new Variant(row.require("gene"), row.require("rsid").toLowerCase(Locale.ROOT),
                    base(row, "ref"), base(row, "alt"), row.require("ref_allele"), row.require("alt_allele"),
                    alias == null ? null : stripC(alias), alias == null ? ' ' : base(row, "alias_ref"),
                    alias == null ? ' ' : base(row, "alias_alt")));
        }
        return new RsidGenotypes(map);
    }

    /**
     * @return the haplotypes when {@code s} is a genotype shorthand of the gene's variant; null when the gene has no
     *         single variant or the text is not a shorthand (then it is parsed as allele names)
     * @throws NotationException when the shorthand names another variant or a base the variant does not have
     */
    List<Haplotype> parse(Gene gene, String s, String text) {
        Variant v = byGene.get(gene.symbol());
        if (v == null) {
            return null;
        }
        Matcher m = RS_PAIR.matcher(s);
        if (m.matches()) {
            checkRsid(gene, v, m.group(1), text);
            return List.of(rsAllele(gene, v, m.group(2), text), rsAllele(gene, v, m.group(3), text));
        }
        m = ALIAS_PAIR.matcher(s);
        if (m.matches() && v.hasAlias()) {
            if (!stripC(m.group(1)).equals(v.alias())) {
                throw DiplotypeParser.error(gene, text, "position '" + m.group(1) + "' is not the " + gene.symbol()
                        + " variant (expected " + v.rsid() + " or " + v.alias() + ")");
            }
            return List.of(aliasAllele(gene, v, m.group(2), text), aliasAllele(gene, v, m.group(3), text));
        }
        m = BARE_PAIR.matcher(s);
        if (m.matches()) {
            char a = up(m.group(1));
            char b = up(m.group(2));
            if (isRs(v, a) && isRs(v, b)) {
                return List.of(rsAllele(gene, v, m.group(1), text), rsAllele(gene, v, m.group(2), text));
            }
            if (v.hasAlias() && isAlias(v, a) && isAlias(v, b)) {
                return List.of(aliasAllele(gene, v, m.group(1), text), aliasAllele(gene, v, m.group(2), text));
            }
            throw DiplotypeParser.error(gene, text, "genotype '" + s + "' does not fit " + v.rsid() + " (" + v.ref() + "/"
                    + v.alt() + ")" + (v.hasAlias() ? " or " + v.alias() + " (" + v.aliasRef() + "/" + v.aliasAlt() + ")" : ""));
        }
        String[] parts = s.split("/", -1);
        if (parts.length == 2) {
            Matcher a = RS_SINGLE.matcher(parts[0].trim());
            Matcher b = RS_SINGLE.matcher(parts[1].trim());
            if (a.matches() && b.matches()) {
                checkRsid(gene, v, a.group(1), text);
                checkRsid(gene, v, b.group(1), text);
                return List.of(rsAllele(gene, v, a.group(2), text), rsAllele(gene, v, b.group(2), text));
            }
        }
        return null;
    }

    private static void checkRsid(Gene gene, Variant v, String rsid, String text) {
        if (rsid != null && !rsid.toLowerCase(Locale.ROOT).equals(v.rsid())) {
            throw DiplotypeParser.error(gene, text, "'" + rsid + "' is not the " + gene.symbol() + " variant (expected "
                    + v.rsid() + ")");
        }
    }

    private static Haplotype rsAllele(Gene gene, Variant v, String base, String text) {
        char b = up(base);
        if (b == v.ref()) {
            return Haplotype.of(Allele.of(v.refAllele()));
        }
        if (b == v.alt()) {
            return Haplotype.of(Allele.of(v.altAllele()));
        }
        throw DiplotypeParser.error(gene, text, "base '" + base + "' is neither the reference (" + v.ref()
                + ") nor the variant (" + v.alt() + ") of " + v.rsid());
    }

    private static Haplotype aliasAllele(Gene gene, Variant v, String base, String text) {
        char b = up(base);
        if (b == v.aliasRef()) {
            return Haplotype.of(Allele.of(v.refAllele()));
        }
        if (b == v.aliasAlt()) {
            return Haplotype.of(Allele.of(v.altAllele()));
        }
        throw DiplotypeParser.error(gene, text, "base '" + base + "' is neither the reference (" + v.aliasRef()
                + ") nor the variant (" + v.aliasAlt() + ") at " + v.alias());
    }

    private static boolean isRs(Variant v, char b) {
        return b == v.ref() || b == v.alt();
    }

    private static boolean isAlias(Variant v, char b) {
        return b == v.aliasRef() || b == v.aliasAlt();
    }

    private static char up(String base) {
        return Character.toUpperCase(base.charAt(0));
    }

    private static char base(CsvTable.Row row, String column) {
        String v = row.require(column);
        if (v.length() != 1 || "ACGT".indexOf(v.charAt(0)) < 0) {
            throw row.error("column '" + column + "' must be one of A, C, G, T: '" + v + "'");
        }
        return v.charAt(0);
    }

    private static String stripC(String position) {
        String p = position.trim();
        return p.startsWith("c.") ? p.substring(2) : p;
    }
}
