package no.pgx.engine.fhir;

import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.drug.DrugConcept;

/**
 * The medication-assessed value of a therapeutic implication: the drug's RxNorm ingredient and ATC code from the drug
 * catalog (only codes the catalog marks as checked against a source) and its Norwegian and English names. Stateless.
 */
final class Medications {
    private static final String CHECKED = "source-checked";

    private Medications() {
    }

    static CodeableConcept concept(String drug) {
        Optional<DrugConcept> found = DrugCatalog.loadDefault().byId(drug);
        if (found.isEmpty()) {
            return new CodeableConcept().setText(drug);
        }
        DrugConcept d = found.get();
        CodeableConcept cc = new CodeableConcept();
        if (!d.rxnormIngredient().isEmpty() && CHECKED.equals(d.provenance().rxnormConfidence())) {
            cc.addCoding(new Coding(no.pgx.terminology.drug.Coding.RXNORM, d.rxnormIngredient(), d.nameEn()));
        }
        if (!d.atcCodes().isEmpty() && CHECKED.equals(d.provenance().atcConfidence())) {
            cc.addCoding(new Coding(no.pgx.terminology.drug.Coding.ATC, d.atcCodes().get(0), d.nameEn()));
        }
        boolean sameName = d.nameNb().isEmpty() || d.nameNb().equalsIgnoreCase(d.nameEn());
        return cc.setText(sameName ? d.nameEn() : d.nameNb() + " (" + d.nameEn() + ")");
    }
}
