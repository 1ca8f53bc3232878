package no.pgx.cds.hooks;

import java.util.ArrayList;
import java.util.List;

import no.pgx.cds.discovery.CdsService;
import no.pgx.cds.system.CdsRequestException;
import tools.jackson.databind.JsonNode;

/**
 * The validated context of a hook call. Immutable.
 *
 * @param patientId   FHIR Patient.id in context
 * @param userId      the user ({@code Practitioner/123} …)
 * @param encounterId encounter id, or null
 * @param draftOrders the draftOrders Bundle (order hooks), else null
 * @param selections  the selected order references (order-select), else empty
 */
public record HookContext(String patientId, String userId, String encounterId, JsonNode draftOrders,
                          List<String> selections) {
    public HookContext {
        selections = List.copyOf(selections);
    }

    /**
     * Validates the context fields the hook requires (CDS Hooks hook pages: patient-view, order-select, order-sign).
     *
     * @throws CdsRequestException (400) naming the first missing or malformed field
     */
    public static HookContext read(CdsService service, JsonNode context) {
        if (context == null || context.isNull()) {
            throw CdsRequestException.badRequest("context", "context is required");
        }
        if (!context.isObject()) {
            throw CdsRequestException.badRequest("context", "context must be a JSON object");
        }
        String patientId = requiredString(context, "patientId");
        if (!FhirIds.isId(patientId)) {
            // It is copied into suggested resources (subject Patient/{id}): only a FHIR id may go there.
            throw CdsRequestException.badRequest("context.patientId",
                    "context.patientId must be a FHIR id (letters, digits, '-' and '.', at most 64)");
        }
        String userId = requiredString(context, "userId");
        String encounterId = optionalString(context, "encounterId");
        JsonNode draftOrders = null;
        List<String> selections = List.of();
        if (service.isOrderHook()) {
            draftOrders = context.get("draftOrders");
            if (draftOrders == null || draftOrders.isNull()) {
                throw CdsRequestException.badRequest("context.draftOrders", "context.draftOrders is required");
            }
            if (!draftOrders.isObject() || !"Bundle".equals(Json.text(draftOrders, "resourceType"))) {
                throw CdsRequestException.badRequest("context.draftOrders",
                        "context.draftOrders must be a FHIR Bundle");
            }
        }
        if (CdsService.ORDER_SELECT.equals(service.hook())) {
            selections = selections(context);
        }
        return new HookContext(patientId, userId, encounterId, draftOrders, selections);
    }

    private static List<String> selections(JsonNode context) {
        JsonNode node = context.get("selections");
        if (node == null || node.isNull()) {
            throw CdsRequestException.badRequest("context.selections", "context.selections is required for order-select");
        }
        if (!node.isArray()) {
            throw CdsRequestException.badRequest("context.selections", "context.selections must be an array");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            if (!s.isString() || s.stringValue().isBlank()) {
                throw CdsRequestException.badRequest("context.selections[" + i + "]",
                        "context.selections[" + i + "] must be a reference such as MedicationRequest/123");
            }
            out.add(s.stringValue().trim());
        }
        return out;
    }

    private static String requiredString(JsonNode context, String field) {
        JsonNode v = context.get(field);
        if (v == null || v.isNull()) {
            throw CdsRequestException.badRequest("context." + field, "context." + field + " is required");
        }
        if (!v.isString() || v.stringValue().isBlank()) {
            throw CdsRequestException.badRequest("context." + field, "context." + field + " must be a non-empty string");
        }
        return v.stringValue().trim();
    }

    private static String optionalString(JsonNode context, String field) {
        JsonNode v = context.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }
}
