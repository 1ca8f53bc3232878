package no.pgx.cds.support;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * FHIR R4 and CDS Hooks fixtures. Shapes follow the CDS Hooks 2.0 hook examples (order-sign / order-select: a
 * draftOrders Bundle without {@code type}) and the HL7 Genomics Reporting IG genotype Observation (LOINC 84413-4 with
 * a gene-studied component 48018-6 coded with HGNC). The people and results are invented.
 */
public final class Fixtures {
    public static final String PATIENT_ID = "pgx-test-1";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String ATC = "http://www.whocc.no/atc";
    /** RxNorm SCD clopidogrel 75 MG Oral Tablet (reference rxnorm_products.csv, from the cds-hooks sandbox list). */
    public static final String CLOPIDOGREL_75_RXCUI = "309362";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Fixtures() {
    }

    public static ObjectNode patient() {
        ObjectNode p = F.objectNode();
        p.put("resourceType", "Patient").put("id", PATIENT_ID).put("gender", "female").put("birthDate", "1961-04-12");
        return p;
    }

    /**
     * A Genomics Reporting genotype Observation.
     *
     * @param gene      gene symbol, e.g. CYP2C19
     * @param hgnc      HGNC id, e.g. HGNC:2621
     * @param diplotype e.g. *2/*2
     */
    public static ObjectNode genotype(String id, String gene, String hgnc, String diplotype) {
        ObjectNode o = F.objectNode();
        o.put("resourceType", "Observation").put("id", id).put("status", "final");
        o.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "laboratory");
        o.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "84413-4")
                .put("display", "Genotype display name");
        o.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        o.put("effectiveDateTime", "2024-03-01");
        o.putObject("valueCodeableConcept").put("text", gene + diplotype);
        ObjectNode component = o.putArray("component").addObject();
        component.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org")
                .put("code", "48018-6").put("display", "Gene studied [ID]");
        component.putObject("valueCodeableConcept").putArray("coding").addObject()
                .put("system", "http://www.genenames.org/geneId").put("code", hgnc).put("display", gene);
        return o;
    }

    /**
     * An HLA allele status as a genotype Observation (LOINC 84413-4): the allele named in the code's text, the value
     * LOINC Positive (LA6576-8) or Negative (LA6577-6), as in the Genomics Reporting IG's HLA-B*15:02 example.
     *
     * @param status e.g. {@code *15:02 negative}
     */
    public static ObjectNode alleleStatus(String id, String gene, String hgnc, String status) {
        ObjectNode o = genotype(id, gene, hgnc, "");
        String s = status.trim();
        int space = s.lastIndexOf(' ');
        boolean positive = s.endsWith("positive");
        ((ObjectNode) o.get("code")).put("text", gene + s.substring(0, space));
        ObjectNode value = F.objectNode();
        value.putArray("coding").addObject().put("system", "http://loinc.org")
                .put("code", positive ? "LA6576-8" : "LA6577-6").put("display", positive ? "Positive" : "Negative");
        o.set("valueCodeableConcept", value);
        return o;
    }

    /** An activity score Observation (the code's text names it; the value a number), as labs send a score alone. */
    public static ObjectNode activityScore(String id, String gene, String hgnc, String score) {
        ObjectNode o = genotype(id, gene, hgnc, "");
        o.set("code", F.objectNode().put("text", gene + " activity score"));
        o.remove("valueCodeableConcept");
        o.putObject("valueQuantity").put("value", new java.math.BigDecimal(score));
        return o;
    }

    public static ObjectNode cyp2c19(String diplotype) {
        return genotype("cyp2c19-genotype", "CYP2C19", "HGNC:2621", diplotype);
    }

    /**
     * An HLA genotype Observation whose value is a GL String (IG genotype with a {@code http://glstring.org} coding),
     * e.g. {@code hla#3.23.0#HLA-B*57:01:01G/HLA-B*57:03:01G+HLA-B*08:01:01G}.
     */
    public static ObjectNode hlaGenotype(String id, String gene, String hgnc, String glString) {
        ObjectNode o = genotype(id, gene, hgnc, "");
        o.remove("valueCodeableConcept");
        o.putObject("valueCodeableConcept").putArray("coding").addObject().put("system", "http://glstring.org")
                .put("code", glString);
        return o;
    }

    /** The Observation with its subject replaced (a reference or an identifier object, as given). */
    public static ObjectNode withSubject(ObjectNode observation, ObjectNode subject) {
        observation.set("subject", subject);
        return observation;
    }

    /**
     * A Genomics Reporting DiagnosticReport (LOINC 51969-4, category GE) of the test patient with results contained in
     * it and listed as {@code #id}, plus further listed references that may not be sent.
     */
    public static ObjectNode diagnosticReport(String id, List<ObjectNode> contained, String... otherResults) {
        ObjectNode r = F.objectNode();
        r.put("resourceType", "DiagnosticReport").put("id", id).put("status", "final");
        r.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v2-0074").put("code", "GE");
        r.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "51969-4")
                .put("display", "Genetic analysis report");
        r.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        r.put("effectiveDateTime", "2024-03-01");
        ArrayNode inside = r.putArray("contained");
        ArrayNode results = r.putArray("result");
        for (ObjectNode o : contained) {
            ObjectNode copy = o.deepCopy();
            copy.remove("subject");
            inside.add(copy);
            results.addObject().put("reference", "#" + o.get("id").asText());
        }
        for (String other : otherResults) {
            results.addObject().put("reference", other);
        }
        return r;
    }

    /** A MedicationRequest coded with RxNorm only. */
    public static ObjectNode medicationRequest(String id, String status, String rxcui, String display) {
        ObjectNode m = F.objectNode();
        m.put("resourceType", "MedicationRequest").put("id", id).put("status", status).put("intent", "order");
        ObjectNode concept = m.putObject("medicationCodeableConcept");
        concept.putArray("coding").addObject().put("system", RXNORM).put("code", rxcui).put("display", display);
        concept.put("text", display);
        m.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        m.putArray("dosageInstruction").addObject().put("text", "1 tablet daily");
        return m;
    }

    /** A clopidogrel draft order for an acute myocardial infarction (reasonCode ICD-10 I21.4: ACS). */
    public static ObjectNode clopidogrelDraft(String id) {
        ObjectNode order = clopidogrelDraftWithoutIndication(id);
        order.putArray("reasonCode").addObject().putArray("coding").addObject()
                .put("system", "http://hl7.org/fhir/sid/icd-10").put("code", "I21.4")
                .put("display", "Acute subendocardial myocardial infarction");
        return order;
    }

    /** A clopidogrel draft order that does not say what it is for (as the CDS Hooks Sandbox sends it). */
    public static ObjectNode clopidogrelDraftWithoutIndication(String id) {
        return medicationRequest(id, "draft", CLOPIDOGREL_75_RXCUI, "clopidogrel 75 MG Oral Tablet");
    }

    /** A Condition of the test patient (confirmed). */
    public static ObjectNode condition(String id, String system, String code, String display) {
        ObjectNode c = F.objectNode();
        c.put("resourceType", "Condition").put("id", id);
        c.putObject("verificationStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-ver-status").put("code", "confirmed");
        c.putObject("code").putArray("coding").addObject().put("system", system).put("code", code)
                .put("display", display);
        c.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        return c;
    }

    /** A body weight Observation (LOINC 29463-7) of the test patient. */
    public static ObjectNode bodyWeight(double kg) {
        ObjectNode o = F.objectNode();
        o.put("resourceType", "Observation").put("id", "weight-1").put("status", "final");
        o.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "29463-7")
                .put("display", "Body weight");
        o.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        o.put("effectiveDateTime", "2026-11-01");
        o.putObject("valueQuantity").put("value", kg).put("unit", "kg").put("system", "http://unitsofmeasure.org")
                .put("code", "kg");
        return o;
    }

    /** A Bundle; {@code type} null leaves it out (as the spec's draftOrders examples do). */
    public static ObjectNode bundle(String type, JsonNode... resources) {
        ObjectNode b = F.objectNode();
        b.put("resourceType", "Bundle");
        if (type != null) {
            b.put("type", type);
        }
        ArrayNode entries = b.putArray("entry");
        for (JsonNode r : resources) {
            entries.addObject().set("resource", r);
        }
        return b;
    }

    /** A hook call under construction. */
    public static Call call(String hook) {
        return new Call(hook);
    }

    /** Builder of a hook request body. */
    public static final class Call {
        private final ObjectNode body = F.objectNode();
        private final ObjectNode context;
        private ObjectNode prefetch;

        private Call(String hook) {
            body.put("hookInstance", UUID.randomUUID().toString());
            body.put("hook", hook);
            context = body.putObject("context");
            context.put("userId", "Practitioner/example").put("patientId", PATIENT_ID).put("encounterId", "89284");
        }

        public Call draftOrders(JsonNode... orders) {
            context.set("draftOrders", bundle(null, orders));
            return this;
        }

        public Call selections(String... references) {
            ArrayNode s = context.putArray("selections");
            List.of(references).forEach(s::add);
            return this;
        }

        /**
         * Prefetches the patient, the given Observations and active MedicationRequests, a history of hypertension
         * (ICD-10 I10) and a body weight of 78 kg (all keys present).
         */
        public Call prefetch(List<JsonNode> observations, List<JsonNode> activeMedications) {
            prefetchKey("patient", patient());
            prefetchKey("pgxResults", bundle("searchset", observations.toArray(JsonNode[]::new)));
            prefetchKey("activeMedications", bundle("searchset", activeMedications.toArray(JsonNode[]::new)));
            prefetchKey("medicationStatements", bundle("searchset"));
            prefetchKey("conditions", bundle("searchset", condition("cond-1", "http://hl7.org/fhir/sid/icd-10", "I10",
                    "Essential hypertension")));
            prefetchKey("bodyWeight", bundle("searchset", bodyWeight(78)));
            return this;
        }

        /** Sets one prefetch key; a null value sends JSON null ("no data"). */
        public Call prefetchKey(String key, JsonNode value) {
            if (prefetch == null) {
                prefetch = body.putObject("prefetch");
            }
            prefetch.set(key, value == null ? F.nullNode() : value);
            return this;
        }

        public Call withoutPrefetchKey(String key) {
            if (prefetch != null) {
                prefetch.remove(key);
            }
            return this;
        }

        public Call fhirServer(String url, String token) {
            body.put("fhirServer", url);
            if (token != null) {
                ObjectNode auth = body.putObject("fhirAuthorization");
                auth.put("access_token", token).put("token_type", "Bearer").put("expires_in", 300)
                        .put("scope", "patient/Observation.read patient/MedicationRequest.read patient/Patient.read")
                        .put("subject", "pgx-cds");
            }
            return this;
        }

        /** Sets one key of the request's CDS Hooks 2.0 {@code extension} object. */
        public Call extension(String key, JsonNode value) {
            ObjectNode e = body.has("extension") ? (ObjectNode) body.get("extension") : body.putObject("extension");
            e.set(key, value);
            return this;
        }

        public ObjectNode context() {
            return context;
        }

        public ObjectNode body() {
            return body;
        }
    }
}
