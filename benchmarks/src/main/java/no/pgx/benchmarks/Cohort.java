package no.pgx.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;


import no.pgx.engine.GeneInput;

/**
 * The 1,000-patient cohort of the cached benchmarks ({@link AssessBenchmark#wholeKnowledgeBaseCohort}, the load
 * client's cycling mode): varied 15-gene panels, each gene drawn uniformly from the diplotypes a Norwegian PGx lab
 * commonly reports. Cycled through, these patients repeat, so after the first pass the engine's caches answer: the
 * figures are labelled "cached (patients repeated)". For patients the engine has not seen, see {@link NewPatients}.
 *
 * <p>{@code java -cp benchmarks.jar no.pgx.benchmarks.Cohort N FILE [FIRST]} writes N distinct new patients
 * ({@link NewPatients}) as {@code assess --input} JSON lines.
 */
public final class Cohort {
    /** Per gene, the diplotypes patients draw from (uniformly; the point is variety, not allele frequencies). */
    private static final Map<String, List<String>> DIPLOTYPES = new LinkedHashMap<>();

    static {
        DIPLOTYPES.put("CYP2D6", List.of("*1/*1", "*1/*2", "*1/*4", "*4/*4", "*1/*41", "*4/*41", "*1/*10", "*1x2/*1",
                "*2x≥3/*10", "*1/*5", "*4/*10", "*2/*41"));
        DIPLOTYPES.put("CYP2C19", List.of("*1/*1", "*1/*2", "*2/*2", "*1/*17", "*17/*17", "*2/*17", "*1/*3"));
        DIPLOTYPES.put("CYP2C9", List.of("*1/*1", "*1/*2", "*1/*3", "*2/*3", "*3/*3", "*2/*2"));
        DIPLOTYPES.put("CYP2B6", List.of("*1/*1", "*1/*6", "*6/*6", "*1/*4"));
        DIPLOTYPES.put("CYP3A4", List.of("*1/*1", "*1/*22"));
        DIPLOTYPES.put("CYP3A5", List.of("*3/*3", "*1/*3", "*1/*1"));
        DIPLOTYPES.put("DPYD", List.of("Reference/Reference", "c.1905+1G>A (*2A)/Reference",
                "c.2846A>T/Reference", "c.1679T>G (*13)/Reference"));
        DIPLOTYPES.put("TPMT", List.of("*1/*1", "*1/*3A", "*3A/*3A", "*1/*3C"));
        DIPLOTYPES.put("NUDT15", List.of("*1/*1", "*1/*3"));
        DIPLOTYPES.put("SLCO1B1", List.of("*1/*1", "*1/*5", "*5/*5", "*1/*15"));
        DIPLOTYPES.put("UGT1A1", List.of("*1/*1", "*1/*28", "*28/*28"));
        DIPLOTYPES.put("ABCG2", List.of("rs2231142 reference (G)/rs2231142 reference (G)",
                "rs2231142 reference (G)/rs2231142 variant (T)"));
        DIPLOTYPES.put("VKORC1", List.of("rs9923231 reference (C)/rs9923231 reference (C)",
                "rs9923231 reference (C)/rs9923231 variant (T)", "rs9923231 variant (T)/rs9923231 variant (T)"));
        DIPLOTYPES.put("NAT2", List.of("*4/*4", "*4/*5", "*5/*6"));
        DIPLOTYPES.put("HLA-B", List.of("*08:01/*07:02", "*57:01/*08:01", "*15:02/*07:02", "*58:01/*07:02"));
    }

    private Cohort() {
    }

    /** @return n panels, the same for the same seed */
    static List<List<GeneInput>> panels(int n, long seed) {
        Random random = new Random(seed);
        List<List<GeneInput>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<GeneInput> panel = new ArrayList<>(DIPLOTYPES.size());
            DIPLOTYPES.forEach((gene, choices) ->
                    panel.add(GeneInput.diplotype(gene, choices.get(random.nextInt(choices.size())))));
            out.add(List.copyOf(panel));
        }
        return out;
    }

    /**
     * Writes {@code args[0]} distinct new patients ({@link NewPatients}: realistic allele frequencies, own id, whole
     * panels never repeated) to the file {@code args[1]} as {@code assess --input} JSON lines, every drug (no
     * {@code drugs}). An optional {@code args[2]} is the number of the first patient (default 1).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: Cohort N FILE [FIRST]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        NewPatients patients = new NewPatients(NewPatients.SEED, args.length == 3 ? Long.parseLong(args[2]) : 1);
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(NewPatients.cliLine(patients.next()));
                w.write('\n');
            }
        }
    }
}
