package no.pgx.terminology.drug;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One substance of the PGx drug catalog with its names and codes.
 *
 * <p>Immutable and thread-safe. Text components are never {@code null}: an absent value is the empty string; list and
 * set components are unmodifiable and may be empty.
 *
 * @param id                  catalog key: English INN in lower case as used by the knowledge tables ({@code clopidogrel})
 * @param nameEn              English name
 * @param nameNb              Norwegian (Bokmål) INN spelling ({@code klopidogrel})
 * @param synonyms            other names (INN/USAN variants, salt names, abbreviations such as {@code ASA})
 * @param roles               why the substance is in the catalog
 * @param atcCodes            single-substance ATC codes of systemic forms
 * @param localAtcCodes       single-substance ATC codes of local forms (skin, eye, ear, throat, mouth, vagina)
 * @param legacyAtcCodes      withdrawn ATC codes that older systems may still send
 * @param combinationAtcCodes ATC codes of combination products that contain (or may contain) the substance
 * @param rxnormIngredient    RxNorm ingredient (IN) CUI, or empty
 * @param snomed              SNOMED CT substance code, or empty when it could not be verified
 * @param provenance          source and confidence of the names and codes
 */
public record DrugConcept(
        String id,
        String nameEn,
        String nameNb,
        List<String> synonyms,
        Set<Role> roles,
        List<String> atcCodes,
        List<String> localAtcCodes,
        List<String> legacyAtcCodes,
        List<String> combinationAtcCodes,
        String rxnormIngredient,
        String snomed,
        Provenance provenance) {

    /** Why a substance is in the catalog. */
    public enum Role {
        /** Has CPIC and/or DPWG recommendations in the rule base. */
        RULE,
        /** Inhibits or induces a pharmacogene (phenoconversion). */
        PERPETRATOR,
        /** Named by a guideline as an alternative drug. */
        ALTERNATIVE
    }

    /**
     * Source and confidence per field. Confidence is {@code source-checked} (found in the named source),
     * {@code recall-unverified} (from memory, not found in a source) or empty (no value). No component is
     * {@code null}.
     *
     * @param atcConfidence    confidence of the ATC codes
     * @param atcSource        where the ATC codes were checked
     * @param nameNbConfidence confidence of the Norwegian name
     * @param nameNbSource     where the Norwegian name was checked
     * @param rxnormConfidence confidence of the RxNorm CUI
     * @param rxnormSource     where the RxNorm CUI was checked
     * @param snomedConfidence confidence of the SNOMED CT code
     * @param snomedSource     where the SNOMED CT code was checked
     */
    public record Provenance(
            String atcConfidence, String atcSource,
            String nameNbConfidence, String nameNbSource,
            String rxnormConfidence, String rxnormSource,
            String snomedConfidence, String snomedSource) {

        /**
         * Normalises {@code null} to the empty string.
         *
         * @param atcConfidence    confidence of the ATC codes
         * @param atcSource        where the ATC codes were checked
         * @param nameNbConfidence confidence of the Norwegian name
         * @param nameNbSource     where the Norwegian name was checked
         * @param rxnormConfidence confidence of the RxNorm CUI
         * @param rxnormSource     where the RxNorm CUI was checked
         * @param snomedConfidence confidence of the SNOMED CT code
         * @param snomedSource     where the SNOMED CT code was checked
         */
        public Provenance {
            atcConfidence = Objects.requireNonNullElse(atcConfidence, "");
            atcSource = Objects.requireNonNullElse(atcSource, "");
            nameNbConfidence = Objects.requireNonNullElse(nameNbConfidence, "");
            nameNbSource = Objects.requireNonNullElse(nameNbSource, "");
            rxnormConfidence = Objects.requireNonNullElse(rxnormConfidence, "");
            rxnormSource = Objects.requireNonNullElse(rxnormSource, "");
            snomedConfidence = Objects.requireNonNullElse(snomedConfidence, "");
            snomedSource = Objects.requireNonNullElse(snomedSource, "");
        }
    }

    /**
     * Copies the collections and normalises {@code null} text to the empty string ({@code nameEn} to the id).
     *
     * @param id                  catalog key; not {@code null}
     * @param nameEn              English name; {@code null} becomes the id
     * @param nameNb              Norwegian name; {@code null} becomes empty
     * @param synonyms            other names; not {@code null}
     * @param roles               why the substance is in the catalog; not {@code null}
     * @param atcCodes            systemic single-substance ATC codes; not {@code null}
     * @param localAtcCodes       local single-substance ATC codes; not {@code null}
     * @param legacyAtcCodes      withdrawn ATC codes; not {@code null}
     * @param combinationAtcCodes combination ATC codes; not {@code null}
     * @param rxnormIngredient    RxNorm ingredient CUI; {@code null} becomes empty
     * @param snomed              SNOMED CT substance code; {@code null} becomes empty
     * @param provenance          source and confidence; not {@code null}
     * @throws NullPointerException when {@code id}, {@code provenance} or a collection is {@code null}, or a collection
     *                              holds {@code null}
     */
    public DrugConcept {
        Objects.requireNonNull(id, "id");
        nameEn = Objects.requireNonNullElse(nameEn, id);
        nameNb = Objects.requireNonNullElse(nameNb, "");
        synonyms = List.copyOf(synonyms);
        roles = Set.copyOf(roles);
        atcCodes = List.copyOf(atcCodes);
        localAtcCodes = List.copyOf(localAtcCodes);
        legacyAtcCodes = List.copyOf(legacyAtcCodes);
        combinationAtcCodes = List.copyOf(combinationAtcCodes);
        rxnormIngredient = Objects.requireNonNullElse(rxnormIngredient, "");
        snomed = Objects.requireNonNullElse(snomed, "");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Whether the rule base has recommendations for this substance.
     *
     * @return true when {@link #roles()} contains {@link Role#RULE}
     */
    public boolean isRuleDrug() {
        return roles.contains(Role.RULE);
    }
}
