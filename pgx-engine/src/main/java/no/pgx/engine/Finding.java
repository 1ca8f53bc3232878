package no.pgx.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the guidelines say for one drug given the patient's results: one selected recommendation (or a
 * "test before start" finding).
 *
 * @param drug             the drug (English INN, lower case)
 * @param source           {@code CPIC} or {@code DPWG}
 * @param population       population the recommendation applies to ({@code general}, {@code adults}, {@code cvi-acs-pci} …)
 * @param populationLabel  population in words (English and Bokmål)
 * @param lookupKey        gene → lookup key that selected the recommendation (ordered by gene)
 * @param phenotypes       gene → phenotype used (functional phenotype when phenoconverted)
 * @param strength         classification of the recommendation ({@code Strong}, {@code Moderate}, {@code Optional} …), or
 *                         empty when the source does not grade it
 * @param action           the curated action
 * @param dosePercent      percentage of the standard dose when one is given ({@code 50}, {@code 25-50}), or null
 * @param alternatives     drugs the guideline names as alternatives (English INN, lower case); never null
 * @param consequence      key of the clinical consequence ({@code reduced-active-metabolite} …), or null
 * @param phenoconverted   true when co-medication changed a phenotype used by this finding
 * @param phenoconversions the phenoconversions behind this finding; empty when genotype-predicted
 * @param summary          one-line summary (≤ 140 characters) in Bokmål and English
 * @param detail           longer detail text (Markdown) in Bokmål and English
 * @param guideline        the guideline, with version and link
 * @param recommendationId stable id of the recommendation row (PharmGKB id), or a synthetic id for test-required findings
 */
public record Finding(String drug, String source, String population, LocalizedText populationLabel,
                      Map<String, String> lookupKey, Map<String, String> phenotypes, String strength, Action action,
                      String dosePercent, List<String> alternatives, String consequence, boolean phenoconverted,
                      List<Phenoconversion> phenoconversions, LocalizedText summary, LocalizedText detail,
                      GuidelineRef guideline, String recommendationId) {
    public Finding {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(action, "action");
        lookupKey = lookupKey == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lookupKey));
        phenotypes = phenotypes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phenotypes));
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        phenoconversions = phenoconversions == null ? List.of() : List.copyOf(phenoconversions);
    }
}
