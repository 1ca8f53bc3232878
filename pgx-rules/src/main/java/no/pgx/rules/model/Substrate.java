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
    /**
     * Checks the components.
     *
     * @param drug the drug; not null
     * @param gene the gene; not null
     * @param role {@code major} or {@code minor}; not null
     * @throws NullPointerException when a component is null
     */
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
