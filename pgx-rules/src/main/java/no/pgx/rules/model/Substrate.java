package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: a drug whose exposure or effect depends on a pharmacogene ({@code clinical/substrates.csv}).
 *
 * @param drug the drug (English INN, lower case); never null
 * @param gene the gene; never null
 * @param role {@code major} or {@code minor}; never null
 */
public record Substrate(String drug, String gene, String role) {
    public Substrate {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(role, "role");
    }

    /** @return true when the gene's phenotype changes exposure or effect clinically */
    public boolean major() {
        return role.equals("major");
    }
}
