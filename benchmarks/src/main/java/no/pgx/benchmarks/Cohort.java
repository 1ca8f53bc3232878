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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.engine.GeneInput;

/**
 * A reproducible cohort of varied 15-gene panels: each patient draws, per gene, one of the diplotypes a Norwegian PGx
 * lab commonly reports (normal and actionable, copy-number variants, HLA carriers). Unlike {@link Patients#panel15()},
 * consecutive patients differ, so caches see realistic variety rather than one patient over and over.
 *
 * <p>{@code java -cp benchmarks.jar no.pgx.benchmarks.Cohort N FILE} writes N cases as {@code assess --input} JSON lines.
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

    /** Writes {@code args[0]} cases to the file {@code args[1]} as JSON lines (every drug: no {@code drugs}). */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Cohort N FILE");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        ObjectMapper json = new ObjectMapper();
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            int id = 0;
            for (List<GeneInput> panel : panels(n, 20261123L)) {
                ObjectNode line = json.createObjectNode().put("id", "patient-" + ++id);
                ObjectNode results = line.putObject("results");
                panel.forEach(g -> results.putObject(g.gene()).put("diplotype", g.diplotype()));
                w.write(json.writeValueAsString(line));
                w.write('\n');
            }
        }
    }
}
