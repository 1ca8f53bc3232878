package no.pgx.cds.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the CDS Hooks Sandbox does with the draft medication order when the user takes a suggestion, re-expressed here
 * from the behaviour of its medication reducer (not its code): it walks the suggestion's actions in order and acts on
 * the first one it can, then stops. A {@code create} or {@code update} whose resource carries a
 * {@code medicationCodeableConcept} different from the order's, with {@code text} and a first coding with a
 * {@code code}, makes that the order's medication (the first coding's code is read as the Sandbox's own RxNorm code,
 * whatever its system); a {@code delete} empties the order. Actions without a usable resource are skipped.
 */
public final class SandboxReducer {
    /** The Sandbox's draft order: the medication's name and the code it takes as RxNorm; null fields = no order. */
    public record Order(String name, String code, JsonNode concept) {
        public boolean isEmpty() {
            return name == null;
        }
    }

    private SandboxReducer() {
    }

    /** @return the order after taking {@code suggestion} */
    public static Order take(Order current, JsonNode suggestion) {
        for (JsonNode action : suggestion.path("actions")) {
            String type = action.path("type").asText("");
            if (type.equals("delete")) {
                return new Order(null, null, null);
            }
            if (type.equals("create") || type.equals("update")) {
                JsonNode concept = action.path("resource").get("medicationCodeableConcept");
                if (concept == null || concept.equals(current.concept())) {
                    continue;
                }
                JsonNode first = concept.path("coding").path(0);
                if (concept.hasNonNull("text") && first.hasNonNull("code")) {
                    return new Order(concept.get("text").asText(), first.get("code").asText(), concept);
                }
            }
        }
        return current;
    }
}
