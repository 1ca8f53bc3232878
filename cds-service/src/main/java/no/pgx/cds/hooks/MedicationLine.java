package no.pgx.cds.hooks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import no.pgx.terminology.drug.DrugMatch;
import tools.jackson.databind.JsonNode;

/**
 * One medication resource (draft order, active MedicationRequest or MedicationStatement) with the substances it was
 * resolved to. Immutable.
 *
 * @param reference relative reference ({@code MedicationRequest/123}), or null when the resource has no id
 * @param resource  the FHIR resource as sent
 * @param match     what the drug catalog made of its medication
 */
public record MedicationLine(String reference, JsonNode resource, DrugMatch match) {

    /**
     * The catalog substances to assess: certain and possible ingredients (a possible ingredient is treated as
     * present, so that an ambiguous order line never hides an alert). Local forms (skin, eye …) are left out: the
     * guidelines concern systemic exposure (e.g. no pre-test card for topical fluorouracil, docs/clinical-rules.md).
     *
     * @return substance ids in order, no duplicates
     */
    public List<String> substances() {
        if (match.topical()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>(match.ingredientIds());
        ids.addAll(match.possibleIngredientIds());
        return new ArrayList<>(ids);
    }

    /** @return the FHIR id of the resource, or null */
    public String id() {
        return reference == null ? null : reference.substring(reference.indexOf('/') + 1);
    }
}
