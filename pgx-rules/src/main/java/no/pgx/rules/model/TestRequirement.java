package no.pgx.rules.model;

import java.util.Objects;
import java.util.Set;

/**
 * Fact: a drug that should not be started before a gene result is on file, from {@code clinical/test-before-start.csv}
 * (or the older {@code clinical/test-required.csv}).
 *
 * @param id          stable id of the requirement ({@code tbs-capecitabine-dpyd}); never null
 * @param drug        the drug (English INN, lower case); never null
 * @param gene        the gene to test; never null
 * @param allele      for allele-status genes, the risk allele whose status must be known ({@code *57:01}), else null
 * @param source      who asks for the test ({@code EMA}, {@code SmPC}, {@code DPWG}, {@code CPIC} …); never null
 * @param requirement {@code required} (critical), {@code recommended} (warning) or {@code information} (info, only for
 *                    the audience); never null
 * @param audience    ancestry groups the requirement is for ({@code han-chinese}, {@code thai}); empty means every
 *                    patient
 */
public record TestRequirement(String id, String drug, String gene, String allele, String source, String requirement,
                              Set<String> audience) {
    /**
     * Checks the required components and keeps an unmodifiable copy of the audience.
     *
     * @param id          stable id; not null
     * @param drug        the drug; not null
     * @param gene        the gene to test; not null
     * @param allele      the risk allele, or null
     * @param source      who asks for the test; not null
     * @param requirement how strongly; not null
     * @param audience    ancestry groups; null becomes empty (every patient); no null element
     * @throws NullPointerException when a required component is null or {@code audience} holds null
     */
    public TestRequirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(requirement, "requirement");
        audience = audience == null ? Set.of() : Set.copyOf(audience);
    }

    /**
     * A {@code required} test for every patient.
     *
     * @param id     stable id; not null
     * @param drug   the drug; not null
     * @param gene   the gene to test; not null
     * @param allele the risk allele for allele-status genes, or null
     * @param source who asks for the test; not null
     * @throws NullPointerException when {@code id}, {@code drug}, {@code gene} or {@code source} is null
     */
    public TestRequirement(String id, String drug, String gene, String allele, String source) {
        this(id, drug, gene, allele, source, "required", Set.of());
    }

    /** @return true when the requirement is for every patient, not only for an ancestry group */
    public boolean forEveryone() {
        return audience.isEmpty();
    }
}
