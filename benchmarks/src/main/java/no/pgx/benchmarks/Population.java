package no.pgx.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Diplotypes drawn with realistic frequencies: per gene, two alleles drawn independently (Hardy-Weinberg) from the
 * European allele frequencies in {@code population/allele-frequencies.csv} (sources and confidence per row there).
 * Single-gene results therefore repeat as in a real population — most patients are {@code *1/*1} for most genes,
 * CYP2D6 and HLA-B vary most — while whole 15-gene panels rarely do (about 1.3 × 10⁻⁷ per pair of patients).
 */
final class Population {
    /** The 15 genes of the benchmark panel, in the order a lab report lists them. */
    static final List<String> GENES = List.of("CYP2D6", "CYP2C19", "CYP2C9", "CYP2B6", "CYP3A4", "CYP3A5", "DPYD",
            "TPMT", "NUDT15", "SLCO1B1", "UGT1A1", "ABCG2", "VKORC1", "NAT2", "HLA-B");

    private static final Population INSTANCE = load();

    private final List<Gene> genes;
    /** Mixed-radix base per gene so that a panel is one {@code long} (see {@link #key}). */
    private final long[] radix;

    private Population(List<Gene> genes) {
        this.genes = genes;
        this.radix = new long[genes.size()];
        long r = 1;
        for (int g = 0; g < genes.size(); g++) {
            radix[g] = r;
            int n = genes.get(g).alleles.length;
            r = Math.multiplyExact(r, (long) n * (n + 1) / 2);
        }
    }

    static Population get() {
        return INSTANCE;
    }

    /** One gene's alleles (reference first, as the table lists them) and their cumulative frequencies. */
    private record Gene(String name, String[] alleles, double[] cumulative, String[][] diplotypes) {
    }

    private static Population load() {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        try (InputStream in = Population.class.getResourceAsStream("/population/allele-frequencies.csv")) {
            if (in == null) {
                throw new IllegalStateException("population/allele-frequencies.csv is not on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", 4);
                rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Gene> genes = new ArrayList<>();
        for (String name : GENES) {
            List<String[]> list = rows.get(name);
            if (list == null) {
                throw new IllegalStateException("no allele frequencies for " + name);
            }
            String[] alleles = new String[list.size()];
            double[] cumulative = new double[list.size()];
            double total = 0;
            for (int i = 0; i < list.size(); i++) {
                alleles[i] = list.get(i)[1];
                total += Double.parseDouble(list.get(i)[2]);
                cumulative[i] = total;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= total;
            }
            String[][] diplotypes = new String[alleles.length][alleles.length];
            for (int a = 0; a < alleles.length; a++) {
                for (int b = a; b < alleles.length; b++) {
                    diplotypes[a][b] = (alleles[a] + "/" + alleles[b]).intern();
                }
            }
            genes.add(new Gene(name, alleles, cumulative, diplotypes));
        }
        return new Population(genes);
    }

    /**
     * Draws a panel.
     *
     * @param random the source of randomness
     * @param out    receives one allele-index pair per gene: {@code out[2g]} ≤ {@code out[2g+1]}
     */
    void draw(SplittableRandom random, int[] out) {
        for (int g = 0; g < genes.size(); g++) {
            int a = allele(genes.get(g).cumulative, random.nextDouble());
            int b = allele(genes.get(g).cumulative, random.nextDouble());
            out[2 * g] = Math.min(a, b);
            out[2 * g + 1] = Math.max(a, b);
        }
    }

    private static int allele(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** @return the panel as one number: equal for equal panels only */
    long key(int[] pairs) {
        long k = 0;
        for (int g = 0; g < genes.size(); g++) {
            int a = pairs[2 * g];
            int b = pairs[2 * g + 1];
            int n = genes.get(g).alleles.length;
            // index of the unordered pair (a ≤ b) among n(n+1)/2
            long pair = (long) a * n - (long) a * (a - 1) / 2 + (b - a);
            k += pair * radix[g];
        }
        return k;
    }

    /** @return gene {@code g}'s diplotype as a lab writes it (reference allele first), one shared string per value */
    String diplotype(int g, int[] pairs) {
        return genes.get(g).diplotypes[pairs[2 * g]][pairs[2 * g + 1]];
    }

    /** @return every diplotype the population can produce for gene {@code g} (to check the engine reads them all) */
    List<String> allDiplotypes(int g) {
        List<String> out = new ArrayList<>();
        String[][] d = genes.get(g).diplotypes;
        for (int a = 0; a < d.length; a++) {
            for (int b = a; b < d.length; b++) {
                out.add(d[a][b]);
            }
        }
        return out;
    }

    int size() {
        return genes.size();
    }
}
