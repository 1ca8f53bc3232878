package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

import no.pgx.knowledge.CsvTable;

/**
 * The codes of {@code phenotype-codes.csv}: Observation codes that report a phenotype (LOINC 53040-2 and the
 * gene-specific metabolic-activity codes), SNOMED CT value concepts that state a metabolizer phenotype, and the gene
 * names SNOMED CT displays use ({@code Dihydropyrimidine dehydrogenase poor metabolizer (finding)}). A concept that is
 * not in the table is still read from its display text when that names a metabolizer phenotype. Immutable.
 */
final class PhenotypeCodes {
    static final PhenotypeCodes DEFAULT = load("no/pgx/engine/fhir/phenotype-codes.csv");

    /** HGNC names of the cytochrome P450 genes: "Cytochrome P450 family 2 subfamily C member 19" is CYP2C19. */
    private static final Pattern CYP_NAME = Pattern.compile(
            "(?i)cytochrome\\s+P450\\s+family\\s+(\\d+)\\s+subfamily\\s+([A-Z])\\s+member\\s+(\\d+)");
    private static final Pattern METABOLIZER = Pattern.compile(
            "(?i)\\b(ultra-?rapid|rapid|normal|extensive|intermediate|poor)\\s+metaboli[sz]er\\b");

    /** A phenotype named by a value concept, and the gene the concept names (or null). */
    record Stated(String gene, String phenotype) {
    }

    private final Map<String, String> observationCodes = new LinkedHashMap<>();
    private final Map<String, Stated> valueCodes = new LinkedHashMap<>();
    private final Map<String, String> geneNames = new LinkedHashMap<>();

    private PhenotypeCodes() {
    }

    static PhenotypeCodes load(String resource) {
        PhenotypeCodes codes = new PhenotypeCodes();
        for (CsvTable.Row row : CsvTable.readResource(resource, PhenotypeCodes.class.getClassLoader()).rows()) {
            String gene = row.getOrNull("gene");
            switch (row.require("kind")) {
                case "observation-code" -> codes.observationCodes.put(key(row.require("system"), row.require("code")),
                        gene == null ? "" : gene);
                case "value-code" -> codes.valueCodes.put(key(row.require("system"), row.require("code")),
                        new Stated(gene, row.require("term")));
                case "gene-name" -> codes.geneNames.put(row.require("term").toLowerCase(Locale.ROOT), gene);
                default -> throw row.error("unknown kind " + row.require("kind"));
            }
        }
        return codes;
    }

    /** @return true when the code is one of the table's phenotype Observation codes */
    boolean isPhenotypeCode(CodeableConcept code) {
        return code != null && code.getCoding().stream().anyMatch(c -> observationCodes.containsKey(key(c)));
    }

    /** @return the gene a gene-specific phenotype code names, if any */
    Optional<String> geneOfCode(CodeableConcept code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Coding c : code.getCoding()) {
            String gene = observationCodes.get(key(c));
            if (gene != null && !gene.isEmpty()) {
                return Optional.of(gene);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the phenotype a value concept states: a table concept, else a metabolizer phrase in a display or the
     *         text, with the gene named there (table gene, or a gene name in the display); empty when none
     */
    Optional<Stated> stated(CodeableConcept value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Coding c : value.getCoding()) {
            Stated s = valueCodes.get(key(c));
            if (s != null) {
                return Optional.of(new Stated(s.gene() != null ? s.gene() : geneIn(c.getDisplay()), s.phenotype()));
            }
        }
        List<String> texts = new ArrayList<>();
        value.getCoding().forEach(c -> texts.add(c.getDisplay()));
        texts.add(value.getText());
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            Matcher m = METABOLIZER.matcher(t);
            if (m.find()) {
                return Optional.of(new Stated(geneIn(t), m.group()));
            }
        }
        return Optional.empty();
    }

    /** @return the gene named by its full name in a text (SNOMED CT displays), or null */
    String geneIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CYP_NAME.matcher(text);
        if (m.find()) {
            return "CYP" + m.group(1) + m.group(2).toUpperCase(Locale.ROOT) + m.group(3);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : geneNames.entrySet()) {
            if (lower.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String key(Coding c) {
        return key(c.getSystem(), c.getCode());
    }

    private static String key(String system, String code) {
        return (system == null ? "" : system.trim()) + "|" + (code == null ? "" : code.trim());
    }
}
