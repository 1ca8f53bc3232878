package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: a drug that must not be started before a gene result is on file, from {@code test-required.csv}.
 *
 * @param id     stable id of the requirement ({@code test-required:capecitabine:DPYD}); never null
 * @param drug   the drug (English INN, lower case); never null
 * @param gene   the gene to test; never null
 * @param allele for allele-status genes, the risk allele whose status must be known ({@code *57:01}), else null
 * @param source who asks for the test ({@code CPIC}, {@code DPWG}, {@code EMA}); never null
 */
public record TestRequirement(String id, String drug, String gene, String allele, String source) {
    public TestRequirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(source, "source");
    }
}
