package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

import no.pgx.terminology.genomics.GenomicCode;
import no.pgx.terminology.genomics.GenomicCodes;
import no.pgx.terminology.genomics.GenomicConcept;
import no.pgx.terminology.genomics.GenomicSystems;

/** CodeableConcept helpers over the bundled genomic code table. Stateless. */
final class Codes {
    static final GenomicCodes TABLE = GenomicCodes.loadDefault();
    /** The IG's "to be determined" code system has been written three ways across versions and examples. */
    private static final Set<String> TBD_SYSTEMS = Set.of(GenomicSystems.GR_TBD_CODES,
            GenomicSystems.GR_TBD_CODES_STU1, GenomicSystems.GR_TBD_CODES_LEGACY);

    private Codes() {
    }

    /** @return true when one of the codings is the concept's code (IG TBD codes match in any of their systems) */
    static boolean has(CodeableConcept cc, GenomicConcept concept) {
        if (cc == null) {
            return false;
        }
        GenomicCode code = TABLE.code(concept);
        for (Coding c : cc.getCoding()) {
            if (code.code().equals(trim(c.getCode())) && sameSystem(code.system(), trim(c.getSystem()))) {
                return true;
            }
        }
        return false;
    }

    /** @return the first coded concept of the table among the codings, or null */
    static GenomicConcept first(CodeableConcept cc) {
        if (cc == null) {
            return null;
        }
        for (GenomicConcept concept : GenomicConcept.values()) {
            if (has(cc, concept)) {
                return concept;
            }
        }
        return null;
    }

    /** @return the concept's text, else the first coding display, else the first code; null when empty */
    static String text(CodeableConcept cc) {
        if (cc == null) {
            return null;
        }
        if (cc.hasText() && !cc.getText().isBlank()) {
            return cc.getText().trim();
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasDisplay() && !c.getDisplay().isBlank()) {
                return c.getDisplay().trim();
            }
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasCode() && !c.getCode().isBlank()) {
                return c.getCode().trim();
            }
        }
        return null;
    }

    /** @return the text and every coding display, for searching names in them */
    static List<String> texts(CodeableConcept cc) {
        List<String> texts = new ArrayList<>();
        if (cc == null) {
            return texts;
        }
        if (cc.hasText()) {
            texts.add(cc.getText());
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasDisplay()) {
                texts.add(c.getDisplay());
            }
        }
        return texts;
    }

    /** @return a coding of a table concept */
    static Coding coding(GenomicConcept concept) {
        return coding(TABLE.code(concept));
    }

    static Coding coding(GenomicCode code) {
        return new Coding(code.system(), code.code(), code.display());
    }

    /** @return a CodeableConcept with the concept's coding */
    static CodeableConcept concept(GenomicConcept concept) {
        return new CodeableConcept().addCoding(coding(concept));
    }

    private static boolean sameSystem(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        return expected.equals(actual) || TBD_SYSTEMS.contains(expected) && TBD_SYSTEMS.contains(actual);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
