package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import no.pgx.engine.GeneInput;
import no.pgx.engine.fhir.ResultMerger.Merged;
import no.pgx.terminology.genetics.Gene;
import no.pgx.terminology.genetics.HlaAlleles;
import no.pgx.terminology.genetics.HlaAlleles.Presence;
import no.pgx.terminology.genetics.HlaAlleles.Typing;
import no.pgx.terminology.genetics.NotationException;

/**
 * Combines the HLA results of one date ({@link ResultMerger}'s rule, per risk allele): a diplotype when the results
 * name one genotype and nothing contradicts it; else the status of each risk allele the results agree on. Two
 * haplotype Observations make the genotype. A risk allele the results disagree on, or an ambiguous typing leaves open,
 * is left out with a problem: indeterminate, never negative. Stateless.
 */
final class HlaMerge {
    private HlaMerge() {
    }

    static Merged combine(String gene, List<ObservationReading> report, Collected in) {
        Gene g = RiskAlleles.DEFAULT.gene(gene);
        List<String> risk = RiskAlleles.DEFAULT.of(gene);
        Map<String, Map<Boolean, List<ObservationReading>>> statuses = new LinkedHashMap<>();
        List<ObservationReading> diplotypes = report.stream().filter(c -> c.diplotype() != null).toList();
        Map<String, List<ObservationReading>> classes = ResultMerger.classes(diplotypes, c -> ResultMerger.diplotypeKey(gene,
                c.diplotype()));
        String diplotype = classes.size() == 1 ? diplotypes.get(0).diplotype() : null;
        boolean conflict = classes.size() > 1;
        for (ObservationReading d : diplotypes) {
            expand(g, risk, typing(g, d.diplotype()), d, statuses);
        }
        List<ObservationReading> haplotypes = report.stream().filter(c -> c.haplotype() != null)
                .sorted(Comparator.comparingInt(ObservationReading::order)).toList();
        if (!haplotypes.isEmpty()) {
            Typing fromHaplotypes = haplotypeTyping(g, haplotypes, in);
            if (fromHaplotypes != null) {
                if (diplotypes.isEmpty() && fromHaplotypes.diplotype().isPresent()) {
                    diplotype = fromHaplotypes.diplotype().get();
                }
                expand(g, risk, fromHaplotypes, haplotypes.get(0), statuses);
                open(gene, fromHaplotypes, risk, haplotypes, in);
            }
        }
        for (ObservationReading c : report) {
            if (c.alleleStatus() != null) {
                String allele = ResultText.allelePart(c.alleleStatus());
                boolean present = c.alleleStatus().endsWith("positive");
                statuses.computeIfAbsent(allele, k -> new LinkedHashMap<>())
                        .computeIfAbsent(present, k -> new ArrayList<>()).add(c);
            }
        }
        List<String> agreed = new ArrayList<>();
        for (String allele : risk) {
            Map<Boolean, List<ObservationReading>> values = statuses.get(allele);
            if (values == null) {
                continue;
            }
            if (values.size() > 1) {
                conflict = true;
                in.problem(gene, "alleleStatus", gene + ": results of the same date disagree on " + allele + ": present "
                        + "in " + ResultMerger.names(values.get(true)) + ", absent in " + ResultMerger.names(
                        values.get(false)) + "; " + allele + " is indeterminate, not negative, and is not used");
            } else {
                agreed.add(allele + (values.containsKey(true) ? " positive" : " negative"));
            }
        }
        ObservationReading basis = diplotypes.isEmpty() ? (haplotypes.isEmpty() ? first(report) : haplotypes.get(0))
                : diplotypes.get(0);
        if (diplotype != null && !conflict) {
            return new Merged(new GeneInput(gene, diplotype, null, null, null, basis.provenance()), report);
        }
        if (conflict && classes.size() > 1) {
            in.problem(gene, "diplotype", gene + ": results of the same date name different genotypes: "
                    + diplotypes.stream().map(c -> c.diplotype() + " (" + c.source() + ")").collect(Collectors.joining(
                    " and ")) + "; only the risk alleles they agree on are used");
        }
        if (agreed.isEmpty()) {
            return null;
        }
        return new Merged(new GeneInput(gene, null, null, null, String.join("; ", agreed), basis.provenance()), report);
    }

    /** Presence of each risk allele a typing decides, added to the statuses. */
    private static void expand(Gene g, List<String> risk, Typing typing, ObservationReading from,
                               Map<String, Map<Boolean, List<ObservationReading>>> statuses) {
        if (typing == null) {
            return;
        }
        for (String allele : risk) {
            Presence p = typing.presence(allele);
            if (p == Presence.ABSENT && RiskAlleles.DEFAULT.listedOnlyWhenPresent(g.symbol(), allele)) {
                continue;
            }
            if (p != Presence.UNKNOWN) {
                statuses.computeIfAbsent(allele, k -> new LinkedHashMap<>())
                        .computeIfAbsent(p == Presence.PRESENT, k -> new ArrayList<>()).add(from);
            }
        }
    }

    /** Problems for risk alleles an ambiguous haplotype pair leaves open; a note when it decides none. */
    private static void open(String gene, Typing typing, List<String> risk, List<ObservationReading> haplotypes, Collected in) {
        boolean decided = false;
        for (String allele : risk) {
            Presence p = typing.presence(allele);
            if (p == Presence.UNKNOWN && typing.alleles().contains(allele)) {
                in.problem(gene, "haplotype", gene + ": the haplotypes " + typing.asWritten() + " ("
                        + ResultMerger.names(haplotypes) + ") are ambiguous for " + allele + ": indeterminate, not "
                        + "negative; not used");
            }
            decided |= p != Presence.UNKNOWN;
        }
        if (!decided && typing.alleles().stream().noneMatch(risk::contains)) {
            in.note(gene, "haplotype", gene + " " + String.join(", ", typing.alleles()) + " ("
                    + ResultMerger.names(haplotypes) + ") is information only: no guideline keys on it, and one "
                    + "haplotype says nothing about the risk alleles " + String.join(", ", risk));
        }
    }

    private static Typing haplotypeTyping(Gene g, List<ObservationReading> haplotypes, Collected in) {
        String gl;
        if (haplotypes.size() == 2) {
            gl = haplotypes.get(0).haplotype() + "+" + haplotypes.get(1).haplotype();
        } else if (haplotypes.size() == 1) {
            ObservationReading h = haplotypes.get(0);
            gl = h.homozygous() ? h.haplotype() + "+" + h.haplotype() : h.haplotype() + "+";
        } else {
            in.problem(g.symbol(), "haplotype", g.symbol() + ": " + haplotypes.size() + " haplotype Observations of the "
                    + "same date (" + ResultMerger.names(haplotypes) + "); a genotype has two; not used");
            return null;
        }
        try {
            return HlaAlleles.typing(g, gl.endsWith("+") ? gl.substring(0, gl.length() - 1) : gl, "haplotype");
        } catch (NotationException e) {
            in.problem(g.symbol(), "haplotype", e.getMessage() + " (" + ResultMerger.names(haplotypes) + "); not used");
            return null;
        }
    }

    private static Typing typing(Gene g, String diplotype) {
        try {
            return HlaAlleles.typing(g, diplotype, "diplotype");
        } catch (NotationException e) {
            return null;
        }
    }

    private static ObservationReading first(List<ObservationReading> report) {
        return report.stream().min(Comparator.comparingInt(ObservationReading::order)).orElseThrow();
    }

    /** @return the field in which an older HLA result differs from the one used, or null */
    static String difference(GeneInput used, ObservationReading older) {
        Gene g = RiskAlleles.DEFAULT.gene(used.gene());
        Map<String, Boolean> now = statuses(g, used.diplotype(), used.alleleStatus());
        Map<String, Boolean> then = statuses(g, older.diplotype(), older.alleleStatus());
        for (Map.Entry<String, Boolean> e : then.entrySet()) {
            Boolean current = now.get(e.getKey());
            if (current != null && !current.equals(e.getValue())) {
                return older.diplotype() != null ? "diplotype" : "alleleStatus";
            }
        }
        return null;
    }

    private static Map<String, Boolean> statuses(Gene g, String diplotype, String alleleStatus) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (diplotype != null) {
            Typing t = typing(g, diplotype);
            if (t != null) {
                for (String allele : RiskAlleles.DEFAULT.of(g.symbol())) {
                    Presence p = t.presence(allele);
                    if (p != Presence.UNKNOWN) {
                        out.put(allele, p == Presence.PRESENT);
                    }
                }
            }
        }
        if (alleleStatus != null) {
            for (String item : alleleStatus.split(";")) {
                String s = item.trim();
                if (!s.isEmpty()) {
                    out.put(ResultText.allelePart(s), s.endsWith("positive"));
                }
            }
        }
        return out;
    }
}
