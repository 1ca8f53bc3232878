package no.pgx.cds.fhir;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
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
            LocalDate date = birthDate(b);
            int years = Period.between(date, today).getYears();
            return years < 0 ? null : years;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate birthDate(String b) {
        if (isPlainDate(b)) {
            // the usual form, without the formatter's general parsing (this runs for every hook call)
            return LocalDate.of(digits(b, 0, 4), digits(b, 5, 7), digits(b, 8, 10));
        }
        return switch (b.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(b), 1, 1);
            case 7 -> LocalDate.parse(b + "-01");
            default -> LocalDate.parse(b.length() > 10 ? b.substring(0, 10) : b);
        };
    }

    /** {@code yyyy-MM-dd} with ASCII digits, as {@link LocalDate#parse(CharSequence)} reads it. */
    private static boolean isPlainDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
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
        requireSamePatient(resource.path("resourceType").stringValue(null), reference(resource, "subject"),
                reference(resource, "patient"), field, patientId);
    }

    /**
     * As {@link #requireSamePatient(JsonNode, String, String)}, given what was read of the resource.
     *
     * @param resourceType     the resource's type, or null
     * @param subjectReference its {@code subject.reference}, or null
     * @param patientReference its {@code patient.reference}, or null
     */
    public static void requireSamePatient(String resourceType, String subjectReference, String patientReference,
            String field, String patientId) {
        for (String reference : new String[] {subjectReference, patientReference}) {
            if (reference == null) {
                continue;
            }
            // Checked for every resource of every request: the pattern runs only when there is a version to strip.
            String r = reference.contains("/_history/") ? HISTORY.matcher(reference).replaceAll("") : reference;
            int at = r.lastIndexOf("Patient/");
            if (at >= 0 && !r.substring(at + "Patient/".length()).equals(patientId)) {
                throw CdsRequestException.badRequest(field, field + " contains a "
                        + (resourceType == null ? "resource" : resourceType) + " of another patient than "
                        + "context.patientId");
            }
        }
    }

    private static String reference(JsonNode resource, String element) {
        JsonNode ref = resource.get(element);
        return ref != null && ref.isObject() && ref.path("reference").isString()
                ? ref.path("reference").stringValue() : null;
    }
}
