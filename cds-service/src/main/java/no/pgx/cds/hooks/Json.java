package no.pgx.cds.hooks;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** Small helpers for reading FHIR JSON leniently. Stateless. */
final class Json {
    private Json() {
    }

    /** @return the string value of {@code node.field}, or null when absent or not a string */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    /**
     * The elements of a FHIR repeating element. Real clients sometimes send a single object where the spec has an
     * array ({@code MedicationRequest.category}, {@code dosageInstruction.doseAndRate}): that object is taken as a
     * one-element list.
     */
    static List<JsonNode> list(JsonNode node, String field) {
        if (node == null) {
            return List.of();
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isArray()) {
            return v.valueStream().toList();
        }
        return List.of(v);
    }
}
