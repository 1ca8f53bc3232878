package no.pgx.engine.phenotype;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.pgx.engine.PgxException;
import no.pgx.terminology.genetics.Allele;
import no.pgx.terminology.genetics.AlleleNotation;
import no.pgx.terminology.genetics.Diplotype;
import no.pgx.terminology.genetics.Gene;
import no.pgx.terminology.genetics.Haplotype;

/** Finds the CPIC allele behind every name of a parsed diplotype and rewrites it in CPIC spelling. Stateless. */
final class AlleleResolver {
    /** An allele of the table with the copy number written for it. */
    record Part(AlleleTable.Info info, Allele allele) {
    }

    /**
     * @param canonical  the diplotype in CPIC spelling
     * @param haplotypes the resolved parts per haplotype, in the order written
     */
    record Resolved(Diplotype canonical, List<List<Part>> haplotypes) {
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
        for (Haplotype h : d.haplotypes()) {
            List<Part> parts = haplotype(gene, d, h, table);
            resolved.add(parts);
            canonical.add(new Haplotype(parts.stream().map(p -> p.allele().withName(p.info().name())).toList()));
        }
        return new Resolved(new Diplotype(d.gene(), d.asWritten(), canonical), List.copyOf(resolved));
    }

    private static List<Part> haplotype(Gene gene, Diplotype d, Haplotype h, AlleleTable table) {
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
                parts.add(new Part(info.get(), a));
            } else if (gene.notation() == AlleleNotation.VARIANT && a.name().contains(",")) {
                // "c.1905+1G>A (*2A), c.2846A>T": variants listed with commas instead of " + ".
                for (String piece : a.name().split(",")) {
                    AlleleTable.Info p = table.find(piece.trim()).orElseThrow(() -> unknown(gene, d, a.name()));
                    parts.add(new Part(p, Allele.of(p.name())));
                }
            } else {
                throw unknown(gene, d, a.name());
            }
        }
        return parts;
    }

    private static PgxException unknown(Gene gene, Diplotype d, String allele) {
        return new PgxException(gene.symbol(), "diplotype", gene.symbol() + " diplotype '" + d.asWritten().trim()
                + "': unknown allele '" + allele + "' (not in the CPIC allele table for " + gene.symbol() + ")");
    }
}
