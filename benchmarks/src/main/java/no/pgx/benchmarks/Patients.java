package no.pgx.benchmarks;

import java.util.List;

import no.pgx.engine.GeneInput;

/** Realistic inputs shared by the benchmarks: a 15-gene panel as a Norwegian PGx lab reports it. */
final class Patients {
    private Patients() {
    }

    /** One CYP2D6 result with a copy-number variant (the costliest single call). */
    static final GeneInput CYP2D6_CNV = GeneInput.diplotype("CYP2D6", "*2x≥3/*10");

    /** A 15-gene panel with a mix of normal and actionable results. */
    static List<GeneInput> panel15() {
        return List.of(
                GeneInput.diplotype("CYP2D6", "*1/*4"),
                GeneInput.diplotype("CYP2C19", "*2/*17"),
                GeneInput.diplotype("CYP2C9", "*1/*3"),
                GeneInput.diplotype("CYP2B6", "*1/*6"),
                GeneInput.diplotype("CYP3A4", "*1/*22"),
                GeneInput.diplotype("CYP3A5", "*3/*3"),
                GeneInput.diplotype("DPYD", "c.1905+1G>A (*2A)/Reference"),
                GeneInput.diplotype("TPMT", "*1/*3A"),
                GeneInput.diplotype("NUDT15", "*1/*1"),
                GeneInput.diplotype("SLCO1B1", "*1/*5"),
                GeneInput.diplotype("UGT1A1", "*1/*28"),
                GeneInput.diplotype("ABCG2", "rs2231142 reference (G)/rs2231142 variant (T)"),
                GeneInput.diplotype("VKORC1", "rs9923231 reference (C)/rs9923231 variant (T)"),
                GeneInput.diplotype("NAT2", "*4/*5"),
                GeneInput.diplotype("HLA-B", "*57:01/*08:01"));
    }
}
