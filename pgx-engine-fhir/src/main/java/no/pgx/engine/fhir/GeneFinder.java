package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;

import no.pgx.terminology.genomics.GeneCode;
import no.pgx.terminology.genomics.GenomicConcept;
import no.pgx.terminology.genomics.GenomicSystems;

/**
 * Finds the gene an Observation is about, in the order labs state it most reliably: the gene-studied component
 * (LOINC 48018-6, HGNC coding), the FHIR core {@code observation-geneticsGene} extension (STU3-era shape), the code's
 * text, then the value's text ({@code CYP2D6*1/*4}). Stateless.
 */
final class GeneFinder {
    private static final Pattern HGNC_CODE = Pattern.compile("(?i)(HGNC:)?\\d+");

    /**
     * @param genes   recognised gene symbols
     * @param unknown gene codings that name a gene this engine does not know ({@code BRCA1 (HGNC:1100)}), else empty
     */
    record Found(Set<String> genes, List<String> unknown) {
        static Found none() {
            return new Found(new LinkedHashSet<>(), new ArrayList<>());
        }

        boolean isEmpty() {
            return genes.isEmpty() && unknown.isEmpty();
        }
    }

    private GeneFinder() {
    }

    /** Genes named by gene-studied components and by the genetics-gene extension. */
    static Found coded(Observation o) {
        Found found = Found.none();
        for (Observation.ObservationComponentComponent c : o.getComponent()) {
            if (isGeneStudied(c.getCode())) {
                if (c.getValue() instanceof CodeableConcept cc) {
                    addConcept(cc, found);
                } else if (c.getValue() instanceof StringType s) {
                    addText(s.getValue(), found);
                }
            }
        }
        for (Extension e : o.getExtension()) {
            if (GenomicSystems.GENETICS_GENE_EXTENSION.equals(e.getUrl())
                    && e.getValue() instanceof CodeableConcept cc) {
                addConcept(cc, found);
            }
        }
        return found;
    }

    /** Recognised genes named in texts (whole words only). */
    static Set<String> inTexts(List<String> texts) {
        Set<String> genes = new LinkedHashSet<>();
        for (String t : texts) {
            genes.addAll(Codes.TABLE.genesIn(t));
        }
        return genes;
    }

    /** Gene-specific LOINC codes (such as 79716-7 for CYP2C9) name their gene. */
    static Optional<String> ofCode(CodeableConcept code) {
        GenomicConcept concept = Codes.first(code);
        return concept == null ? Optional.empty() : Codes.TABLE.geneOf(concept);
    }

    static boolean isGeneStudied(CodeableConcept code) {
        return Codes.has(code, GenomicConcept.GENE_STUDIED)
                || ResultText.lower(Codes.text(code)).contains("gene studied");
    }

    private static void addConcept(CodeableConcept cc, Found found) {
        int before = found.genes().size();
        for (Coding coding : cc.getCoding()) {
            Optional<GeneCode> gene = byCoding(coding);
            if (gene.isPresent()) {
                found.genes().add(gene.get().symbol());
            } else if (coding.hasCode() || coding.hasDisplay()) {
                found.unknown().add(describe(coding));
            }
        }
        if (found.genes().size() == before && cc.hasText()) {
            Optional<GeneCode> gene = Codes.TABLE.gene(cc.getText());
            if (gene.isPresent()) {
                found.genes().add(gene.get().symbol());
            } else if (cc.getCoding().isEmpty()) {
                found.unknown().add(cc.getText().trim());
            }
        }
        if (found.genes().size() > before) {
            found.unknown().clear();
        }
    }

    private static Optional<GeneCode> byCoding(Coding coding) {
        String code = coding.getCode() == null ? "" : coding.getCode().trim();
        boolean hgncSystem = GenomicSystems.HGNC.equals(coding.getSystem())
                || GenomicSystems.HGNC_GENE_ID.equals(coding.getSystem());
        if ((hgncSystem || code.regionMatches(true, 0, "HGNC:", 0, 5)) && HGNC_CODE.matcher(code).matches()) {
            Optional<GeneCode> gene = Codes.TABLE.geneByHgncId(code);
            if (gene.isPresent()) {
                return gene;
            }
        } else if (!code.isEmpty()) {
            Optional<GeneCode> gene = Codes.TABLE.gene(code);
            if (gene.isPresent()) {
                return gene;
            }
        }
        // A display with a known symbol still identifies the gene when the id is one we could not verify (CYP4F2).
        return coding.hasDisplay() ? Codes.TABLE.gene(coding.getDisplay()) : Optional.empty();
    }

    private static void addText(String text, Found found) {
        Optional<GeneCode> gene = Codes.TABLE.gene(text == null ? "" : text);
        if (gene.isPresent()) {
            found.genes().add(gene.get().symbol());
        } else if (text != null && !text.isBlank()) {
            found.unknown().add(text.trim());
        }
    }

    private static String describe(Coding coding) {
        String display = coding.hasDisplay() ? coding.getDisplay().trim() : null;
        String code = coding.hasCode() ? coding.getCode().trim() : null;
        if (display != null && code != null && !display.equals(code)) {
            return display + " (" + code + ")";
        }
        return display != null ? display : code;
    }
}
