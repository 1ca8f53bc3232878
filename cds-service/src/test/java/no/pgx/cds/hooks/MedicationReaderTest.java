package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import no.pgx.terminology.drug.DrugCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The medication shapes real clients send all resolve to the same substance (RxNorm 309362 = clopidogrel 75 mg). */
class MedicationReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MedicationReader READER = new MedicationReader(DrugCatalog.loadDefault());
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static MedicationLine read(String resource, Map<String, JsonNode> medications) {
        return READER.read(json(resource), medications);
    }

    @Test
    void codeableConceptWithRxnormOnly() {
        MedicationLine line = read("{'resourceType':'MedicationRequest','id':'a','medicationCodeableConcept':"
                + "{'coding':[{'system':'" + RXNORM + "','code':'309362'}]}}", Map.of());

        assertThat(line.reference()).isEqualTo("MedicationRequest/a");
        assertThat(line.substances()).containsExactly("clopidogrel");
    }

    @Test
    void codingAsAnObjectInsteadOfAnArray() {
        MedicationLine line = read("{'resourceType':'MedicationRequest','id':'a','medicationCodeableConcept':"
                + "{'coding':{'system':'" + RXNORM + "','code':'309362'}}}", Map.of());

        assertThat(line.substances()).containsExactly("clopidogrel");
    }

    @Test
    void referenceToAContainedMedication() {
        MedicationLine line = read("{'resourceType':'MedicationRequest','id':'a','contained':[{'resourceType':'Medication',"
                + "'id':'m1','code':{'coding':[{'system':'" + RXNORM + "','code':'309362'}]}}],"
                + "'medicationReference':{'reference':'#m1'}}", Map.of());

        assertThat(line.substances()).containsExactly("clopidogrel");
    }

    @Test
    void referenceToAMedicationInTheBundleAndTheR5Shape() {
        JsonNode medication = json("{'resourceType':'Medication','id':'m9','code':{'text':'Klopidogrel 75 mg tablett'}}");

        MedicationLine r4 = read("{'resourceType':'MedicationStatement','id':'s','medicationReference':"
                + "{'reference':'Medication/m9'}}", Map.of("Medication/m9", medication));
        MedicationLine r5 = read("{'resourceType':'MedicationRequest','id':'b','medication':{'concept':"
                + "{'coding':[{'system':'http://www.whocc.no/atc','code':'B01AC04'}]}}}", Map.of());

        assertThat(r4.substances()).containsExactly("clopidogrel");
        assertThat(r5.substances()).containsExactly("clopidogrel");
    }

    @Test
    void nothingReadableIsUnresolvedWithoutError() {
        MedicationLine line = read("{'resourceType':'MedicationRequest','medicationCodeableConcept':'clopidogrel',"
                + "'dosageInstruction':'daily'}", Map.of());

        assertThat(line.reference()).isNull();
        assertThat(line.substances()).isEmpty();
        assertThat(line.match().isResolved()).isFalse();
    }
}
