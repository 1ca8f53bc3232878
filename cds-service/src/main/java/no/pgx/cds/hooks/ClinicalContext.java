package no.pgx.cds.hooks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads what a CDS Hooks request says about the patient and the orders beyond genes and drug names, in the forms the
 * engine takes ({@link no.pgx.engine.DrugOrder}, {@link no.pgx.engine.AssessmentRequest}): the indication and route of
 * a draft order, the start date of a medication already taken, the patient's conditions and body weight.
 *
 * <p>Codes are passed as {@code icd10:I21.4}, {@code icpc2:K75} or {@code snomed:22298006}; code systems are
 * recognised by their FHIR URI or Norwegian OID (ICD-10 {@code 2.16.578.1.12.4.1.1.7110}, ICPC-2
 * {@code …7170}). A code of a system the engine does not know is left out rather than guessed. What cannot be read is
 * unknown (null), never "none": an absent indication is an unknown indication. Stateless; reads JSON only, never
 * logs.
 */
final class ClinicalContext {
    /** LOINC body weight (measured, and stated). */
    private static final Set<String> WEIGHT_CODES = Set.of("29463-7", "3141-9", "8335-2");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private ClinicalContext() {
    }

    /**
     * @param order a MedicationRequest (draft order)
     * @return what the order is for: the first recognised code of {@code reasonCode}, or null when unknown
     */
    static String indication(JsonNode order) {
        for (JsonNode reason : Json.list(order, "reasonCode")) {
            List<String> codes = codes(reason);
            if (!codes.isEmpty()) {
                return codes.get(0);
            }
        }
        return null;
    }

    /**
     * @param order a MedicationRequest
     * @return the route of its first dosage instruction (SNOMED CT code, else the text), or null when not given
     */
    static String route(JsonNode order) {
        for (JsonNode dosage : Json.list(order, "dosageInstruction")) {
            JsonNode route = dosage.get("route");
            if (route == null || !route.isObject()) {
                continue;
            }
            for (JsonNode coding : Json.list(route, "coding")) {
                String code = Json.text(coding, "code");
                if (code != null && !code.isBlank()) {
                    return code.trim();
                }
            }
            String text = Json.text(route, "text");
            if (text != null && !text.isBlank()) {
                return text.trim();
            }
        }
        return null;
    }

    /**
     * @param resource a MedicationRequest ({@code authoredOn}) or MedicationStatement ({@code effectiveDateTime},
     *                 {@code effectivePeriod.start})
     * @return when the patient started it, or null when the resource does not say
     */
    static LocalDate startDate(JsonNode resource) {
        String text = Json.text(resource, "effectiveDateTime");
        if (text == null && resource.path("effectivePeriod").isObject()) {
            text = Json.text(resource.get("effectivePeriod"), "start");
        }
        if (text == null) {
            text = Json.text(resource, "authoredOn");
        }
        return date(text);
    }

    /**
     * The date of an order: the draft's {@code authoredOn}, never later than today. Start dates of current medication
     * are measured to it ("more than three months without reaction"); a later date would count more months and could
     * turn new-start advice into information, so a future {@code authoredOn} counts as today.
     *
     * @param order a MedicationRequest (draft order)
     * @param today today's date where the service runs
     * @return the order date, never null
     */
    static LocalDate orderDate(JsonNode order, LocalDate today) {
        LocalDate authored = date(Json.text(order, "authoredOn"));
        return authored == null || authored.isAfter(today) ? today : authored;
    }

    /**
     * @param conditions Condition resources; entered-in-error and refuted ones are left out
     * @return the recognised codes of all of them (no duplicates), possibly empty
     */
    static List<String> conditions(List<JsonNode> conditions) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode c : conditions) {
            String verification = firstCode(c.get("verificationStatus"));
            if ("entered-in-error".equals(verification) || "refuted".equals(verification)) {
                continue;
            }
            JsonNode code = c.get("code");
            if (code != null) {
                out.addAll(codes(code));
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param observations Observations; only final, amended or corrected body weights with a mass unit count
     * @return the most recent body weight in kg, or null when none can be read
     */
    static Double weightKg(List<JsonNode> observations) {
        Double best = null;
        String bestWhen = null;
        for (JsonNode o : observations) {
            String status = Json.text(o, "status");
            if (status != null && !Set.of("final", "amended", "corrected").contains(status)) {
                continue;
            }
            boolean weight = false;
            for (JsonNode coding : Json.list(o.path("code"), "coding")) {
                String system = Json.text(coding, "system");
                weight |= "http://loinc.org".equals(system) && WEIGHT_CODES.contains(Json.text(coding, "code"));
            }
            JsonNode q = o.get("valueQuantity");
            if (!weight || q == null || !q.path("value").isNumber()) {
                continue;
            }
            String unit = Json.text(q, "code");
            if (unit == null) {
                unit = Json.text(q, "unit");
            }
            double factor = switch (unit == null ? "" : unit.trim()) {
                case "kg" -> 1;
                case "g" -> 0.001;
                case "[lb_av]", "lb", "lbs" -> 0.45359237;
                default -> -1;
            };
            double value = q.get("value").asDouble();
            if (factor < 0 || !(value > 0) || value * factor > 700) {
                continue;
            }
            String when = Json.text(o, "effectiveDateTime");
            if (best == null || when != null && (bestWhen == null || when.compareTo(bestWhen) > 0)) {
                best = value * factor;
                bestWhen = when;
            }
        }
        return best;
    }

    /** The recognised codes of a CodeableConcept; its text only when it is a condition id ({@code stroke-tia}). */
    static List<String> codes(JsonNode concept) {
        List<String> out = new ArrayList<>();
        for (JsonNode coding : Json.list(concept, "coding")) {
            String prefix = prefix(Json.text(coding, "system"));
            String code = Json.text(coding, "code");
            if (prefix != null && code != null && !code.isBlank()) {
                out.add(prefix + ":" + code.trim());
            }
        }
        String text = Json.text(concept, "text");
        if (out.isEmpty() && text != null && SLUG.matcher(text.trim()).matches()) {
            out.add(text.trim());
        }
        return out;
    }

    /** @return {@code icd10}, {@code icpc2}, {@code snomed}, or null for a system the engine does not read */
    static String prefix(String system) {
        if (system == null) {
            return null;
        }
        String s = system.trim().toLowerCase(Locale.ROOT);
        if (s.equals("http://snomed.info/sct") || s.startsWith("http://snomed.info/id")) {
            return "snomed";
        }
        if (s.startsWith("http://hl7.org/fhir/sid/icd-10") || s.equals("urn:oid:2.16.578.1.12.4.1.1.7110")
                || s.equals("urn:oid:2.16.840.1.113883.6.3")) {
            return "icd10";
        }
        if (s.contains("icpc-2") || s.contains("icpc2") || s.equals("urn:oid:2.16.578.1.12.4.1.1.7170")) {
            return "icpc2";
        }
        return null;
    }

    private static String firstCode(JsonNode concept) {
        if (concept == null) {
            return null;
        }
        for (JsonNode coding : Json.list(concept, "coding")) {
            String code = Json.text(coding, "code");
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** A FHIR date or dateTime; year and year-month precision count from their first day. */
    static LocalDate date(String text) {
        if (text == null || text.length() < 4) {
            return null;
        }
        try {
            if (text.length() >= 10) {
                return LocalDate.parse(text.substring(0, 10));
            }
            if (text.length() == 7) {
                return LocalDate.parse(text + "-01");
            }
            if (text.length() == 4) {
                return LocalDate.parse(text + "-01-01");
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
