package no.pgx.cds.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import no.pgx.cds.system.CdsRequestException;
import tools.jackson.databind.JsonNode;

/**
 * What the service reads from FHIR resources about the patient in context: the age, and whether a resource belongs
 * to that patient. Stateless.
 */
public final class PatientFacts {
    private static final Pattern HISTORY = Pattern.compile("/_history/.*$");

    private PatientFacts() {
    }

    /**
     * @param patient a Patient resource, or null
     * @param today   the date to compute the age at
     * @return age in whole years from {@code birthDate} (year or year-month precision counts from its first day),
     *         or null when unknown
     */
    public static Integer ageYears(JsonNode patient, LocalDate today) {
        if (patient == null) {
            return null;
        }
        JsonNode birth = patient.get("birthDate");
        if (birth == null || !birth.isString()) {
            return null;
        }
        String b = birth.stringValue().trim();
        try {
            LocalDate date = switch (b.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(b), 1, 1);
                case 7 -> LocalDate.parse(b + "-01");
                default -> LocalDate.parse(b.length() > 10 ? b.substring(0, 10) : b);
            };
            int years = Period.between(date, today).getYears();
            return years < 0 ? null : years;
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Checks that a resource is about the patient in context. A reference that names another Patient id is a client
     * mistake that could put another person's results on this patient's card, so it is refused (400). References
     * that cannot be compared (logical, {@code urn:uuid:}) are accepted.
     *
     * @param resource  the resource
     * @param field     request field it came from, for the message
     * @param patientId patient in context
     * @throws CdsRequestException when the resource names another patient
     */
    public static void requireSamePatient(JsonNode resource, String field, String patientId) {
        for (String element : new String[] {"subject", "patient"}) {
            JsonNode ref = resource.get(element);
            String reference = ref != null && ref.isObject() && ref.path("reference").isString()
                    ? ref.path("reference").stringValue() : null;
            if (reference == null) {
                continue;
            }
            // Checked for every resource of every request: the pattern runs only when there is a version to strip.
            String r = reference.contains("/_history/") ? HISTORY.matcher(reference).replaceAll("") : reference;
            int at = r.lastIndexOf("Patient/");
            if (at >= 0 && !r.substring(at + "Patient/".length()).equals(patientId)) {
                throw CdsRequestException.badRequest(field, field + " contains a "
                        + resource.path("resourceType").stringValue("resource") + " of another patient than "
                        + "context.patientId");
            }
        }
    }
}
