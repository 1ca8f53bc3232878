package no.pgx.cds.hooks;

import java.util.regex.Pattern;

/** The FHIR id grammar ({@code [A-Za-z0-9\-\.]{1,64}}): the only ids the service copies into suggestion actions. */
final class FhirIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private FhirIds() {
    }

    /** @return true when {@code id} is a FHIR id */
    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
