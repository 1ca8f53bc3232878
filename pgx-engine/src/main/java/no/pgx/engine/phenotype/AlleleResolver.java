package no.pgx.engine.phenotype;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.pgx.engine.PgxException;
import no.pgx.terminology.genetics.Allele;
import no.pgx.terminology.genetics.AlleleNotation;
import no.pgx.terminology.genetics.Diplotype;
import no.pgx.terminology.genetics.Gene;
import no.pgx.terminology.genetics.Haplotype;

/**
 * Finds the CPIC allele behind every name of a parsed diplotype and rewrites it in CPIC spelling. Names labs send that
 * are not CPIC spellings (tag variants, rsIDs, legacy, renamed names) are resolved through the allele table, with a
 * note where the reader should know (a tag variant, a renamed allele); a retired allele is an error that says what
 * became of it and what to ask the laboratory. Stateless.
 */
final class AlleleResolver {
    /** An allele of the table with the copy number written for it. */
    record Part(AlleleTable.Info info, Allele allele) {
    }

    /**
     * @param canonical  the diplotype in CPIC spelling
     * @param haplotypes the resolved parts per haplotype, in the order written
     * @param notes      what the reader should know about names that were not CPIC spellings; never null
     */
    record Resolved(Diplotype canonical, List<List<Part>> haplotypes, List<String> notes) {
        Resolved {
            notes = List.copyOf(notes);
        }

        List<Part> allParts() {
            List<Part> all = new ArrayList<>();
            haplotypes.forEach(all::addAll);
            return all;
        }
    }

    private AlleleResolver() {
    }

    /**
     * @throws PgxException (field {@code diplotype}) naming the unknown allele
     */
    static Resolved resolve(Gene gene, Diplotype d, AlleleTable table) {
        List<List<Part>> resolved = new ArrayList<>();
        List<Haplotype> canonical = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Haplotype h : d.haplotypes()) {
            List<Part> parts = haplotype(gene, d, h, table, notes);
            resolved.add(parts);
            canonical.add(new Haplotype(parts.stream().map(p -> p.allele().withName(p.info().name())).toList()));
            for (Part p : parts) {
                table.note(p.info()).ifPresent(notes::add);
            }
        }
        return new Resolved(new Diplotype(d.gene(), d.asWritten(), canonical), List.copyOf(resolved),
                List.copyOf(notes));
    }

    private static List<Part> haplotype(Gene gene, Diplotype d, Haplotype h, AlleleTable table, Set<String> notes) {
        if (!h.isSingle()) {
            // A named arrangement with its own CPIC function (UGT1A1 *80+*28) wins over its parts.
            Optional<AlleleTable.Info> whole = table.find(h.toString());
            if (whole.isPresent() && h.parts().stream().noneMatch(Allele::isMultiCopy)) {
                return List.of(new Part(whole.get(), Allele.of(whole.get().name())));
            }
        }
        List<Part> parts = new ArrayList<>();
        for (Allele a : h.parts()) {
            Optional<AlleleTable.Info> info = table.find(a.name());
            if (info.isPresent()) {
                table.labName(a.name()).ifPresent(lab -> note(gene, lab, notes));
                parts.add(new Part(info.get(), a));
            } else if (gene.notation() == AlleleNotation.VARIANT && a.name().contains(",")) {
                // "c.1905+1G>A (*2A), c.2846A>T": variants listed with commas instead of " + ".
                for (String piece : a.name().split(",")) {
                    AlleleTable.Info p = table.find(piece.trim()).orElseThrow(() -> unknown(gene, d, a.name(), table));
                    table.labName(piece.trim()).ifPresent(lab -> note(gene, lab, notes));
                    parts.add(new Part(p, Allele.of(p.name())));
                }
            } else {
                throw unknown(gene, d, a.name(), table);
            }
        }
        return parts;
    }

    private static void note(Gene gene, AlleleTable.LabName lab, Set<String> notes) {
        switch (lab.kind()) {
            case TAG_VARIANT -> notes.add(gene.symbol() + ": '" + lab.alias() + "' was read as " + lab.allele()
                    + ", which it tags; the laboratory reported the tag, not the allele itself");
            case RENAMED -> notes.add(gene.symbol() + ": '" + lab.alias() + "' is an old allele name; PharmVar now calls "
                    + "it " + lab.allele() + ", which is used here. Ask the laboratory to report current PharmVar/CPIC "
                    + "allele names");
            default -> {
            }
        }
    }

    private static PgxException unknown(Gene gene, Diplotype d, String allele, AlleleTable table) {
        String prefix = gene.symbol() + " diplotype '" + d.asWritten().trim() + "': ";
        Optional<AlleleTable.LabName> retired = table.labName(allele).filter(l -> !l.resolves());
        if (retired.isPresent()) {
            String successor = retired.get().allele();
            return new PgxException(gene.symbol(), "diplotype", prefix + "allele '" + allele + "' was retired by "
                    + "PharmVar/CPIC and is no longer a defined " + gene.symbol() + " allele"
                    + (successor == null ? "" : " (its defining variant is now part of " + successor + ")")
                    + ". Ask the laboratory to report " + gene.symbol() + " again with current PharmVar star alleles, "
                    + "or the variants it tested");
        }
        return new PgxException(gene.symbol(), "diplotype", prefix + "unknown allele '" + allele
                + "' (not in the CPIC allele table for " + gene.symbol() + ")");
    }
}
