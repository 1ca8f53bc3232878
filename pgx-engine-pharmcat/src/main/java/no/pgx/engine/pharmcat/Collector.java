package no.pgx.engine.pharmcat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.pgx.engine.GeneInput;
import no.pgx.engine.Problem;
import no.pgx.engine.Provenance;

/**
 * Maps one PharmCAT gene call (diplotype, phenotype, activity score as PharmCAT writes them) to a {@link GeneInput},
 * and collects problems and notes. The notation rules are in one place, shared by the JSON and TSV readers. Mutable;
 * confined to one call.
 */
final class Collector {
    private static final String UNKNOWN = "Unknown";
    private final String source;
    private final Map<String, GeneInput> inputs = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> notes = new ArrayList<>();
    private LocalDate date;
    private String caller = "PharmCAT";

    Collector(String source) {
        this.source = source;
    }

    void metadata(String version, LocalDate runDate) {
        if (version != null && !version.isBlank()) {
            caller = "PharmCAT " + version.trim();
        }
        date = runDate;
    }

    void problem(String gene, String field, String message) {
        problems.add(new Problem(gene, field, message));
    }

    void note(String gene, String field, String message) {
        notes.add(new Problem(gene, field, message));
    }

    /**
     * @param gene      gene symbol as PharmCAT writes it
     * @param diplotype the diplotype (allele names joined by {@code /}), or null
     * @param phenotype PharmCAT's phenotype (first of its list), or null
     * @param score     activity score, or null
     * @param outside   true when PharmCAT took the call from an outside call file
     * @param where     names the place in the file for messages ({@code line 3}, {@code geneReports.CYP2D6})
     */
    void call(String gene, String diplotype, String phenotype, String score, boolean outside, String where) {
        String g = gene.trim().toUpperCase(Locale.ROOT);
        if (inputs.containsKey(g)) {
            note(g, "gene", g + " (" + where + ") is given again; the first call is used");
            return;
        }
        String d = blankToNull(diplotype);
        String p = blankToNull(phenotype);
        String s = blankToNull(score);
        if (p != null && (p.equalsIgnoreCase("No Result") || p.equalsIgnoreCase("n/a"))) {
            p = null;
        }
        if (s != null && (s.equalsIgnoreCase("No Result") || s.equalsIgnoreCase("n/a"))) {
            s = null;
        }
        if (d != null && isUnknown(d)) {
            d = partlyUnknown(g, d, where);
            if (d == null && p == null && s == null) {
                note(g, "diplotype", g + ": PharmCAT has no call (" + where + ": " + diplotype.trim() + "); the gene "
                        + "counts as not tested");
                return;
            }
            if (UNKNOWN.equals(d)) {
                inputs.put(g, input(g, null, "Indeterminate", null, null, where));
                return;
            }
        }
        if (d == null && p == null && s == null) {
            note(g, "diplotype", g + ": PharmCAT has no result (" + where + "); the gene counts as not tested");
            return;
        }
        if (d != null && d.contains("[") && !isVariantGene(g)) {
            problem(g, "diplotype", g + " diplotype '" + d + "' (" + where + ") is a PharmCAT combination call (several"
                    + " named alleles on one haplotype); CPIC has no phenotype for it, and it is not used");
            return;
        }
        String alleleStatus = null;
        if (p != null && g.startsWith("HLA-") && isStatus(p)) {
            alleleStatus = p;
            p = null;
        }
        if (d != null && g.startsWith("HLA-") && isStatus(d)) {
            // PharmCAT labels an HLA outside call given as a status with the status itself.
            alleleStatus = alleleStatus == null ? d : alleleStatus;
            d = null;
        }
        if (outside) {
            note(g, "callSource", g + ": an outside call given to PharmCAT (" + where + "), not called by PharmCAT from "
                    + "the VCF");
        }
        inputs.put(g, input(g, d == null ? null : notation(d), p, s, alleleStatus, where));
    }

    private GeneInput input(String gene, String diplotype, String phenotype, String score, String alleleStatus,
                            String where) {
        return new GeneInput(gene, diplotype, phenotype, score, alleleStatus,
                new Provenance(source + " " + where, date, caller, List.of()));
    }

    /** One unknown allele makes the result indeterminate; both unknown: no call (null). */
    private String partlyUnknown(String gene, String diplotype, String where) {
        String[] alleles = diplotype.split("/");
        long unknown = java.util.Arrays.stream(alleles).filter(a -> a.trim().equalsIgnoreCase(UNKNOWN)).count();
        if (unknown == alleles.length) {
            return null;
        }
        problem(gene, "diplotype", gene + " diplotype '" + diplotype + "' (" + where + ") has an allele PharmCAT could"
                + " not call; the result is Indeterminate");
        return UNKNOWN;
    }

    private static boolean isStatus(String text) {
        return text.endsWith(" positive") || text.endsWith(" negative");
    }

    private static boolean isUnknown(String diplotype) {
        return diplotype.toLowerCase(Locale.ROOT).contains("unknown");
    }

    /** DPYD and other variant-named genes: PharmCAT combinations are several variants on one haplotype. */
    private static boolean isVariantGene(String gene) {
        return gene.equals("DPYD") || gene.equals("CACNA1S") || gene.equals("RYR1") || gene.equals("CFTR");
    }

    /**
     * PharmCAT notation → engine notation: {@code [c.X + c.Y]} → {@code c.X + c.Y} (one haplotype, several variants);
     * {@code *1≥3} → {@code *1x≥3}.
     */
    static String notation(String diplotype) {
        String d = diplotype.replace("[", "").replace("]", "");
        return d.replaceAll("(\\*\\d+[A-Za-z]?)\\s*≥\\s*(\\d+)", "$1x≥$2");
    }

    PharmcatResults results() {
        return new PharmcatResults(List.copyOf(inputs.values()), problems, notes);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
