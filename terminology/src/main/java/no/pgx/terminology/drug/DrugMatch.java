package no.pgx.terminology.drug;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link DrugCatalog} to "which substances does this order line contain?".
 *
 * <p>A combination product resolves to each catalog ingredient. When the input does not say for certain which
 * substances it contains (an ATC group code shared by several combinations, a name that fits several substances),
 * the candidates are listed in {@link #possibleIngredients()} and {@link #message()} says why: callers that alert on
 * drugs must treat possible ingredients as possibly present rather than as absent.
 *
 * <p>Immutable and thread-safe. No component is {@code null}.
 *
 * @param query               what was asked, as text (for messages and logs; it is order data, not patient data)
 * @param ingredients         catalog substances the input certainly contains, in order of first mention
 * @param possibleIngredients catalog substances the input may contain; empty when the answer is certain
 * @param kind                how the match was found; {@link MatchKind#UNRESOLVED} when nothing matched
 * @param system              system URI of the code that matched, or empty (name and text matches)
 * @param code                the code or name that matched, or empty
 * @param topical             whether route, dose form or ATC code show a local (skin, eye, ear, mouth, vagina) form
 *                            and nothing shows a systemic one
 * @param message             why the input is unresolved or ambiguous, or notes on the match; empty when none
 */
public record DrugMatch(
        String query,
        List<DrugConcept> ingredients,
        List<DrugConcept> possibleIngredients,
        MatchKind kind,
        String system,
        String code,
        boolean topical,
        String message) {

    /**
     * Copies the lists and normalises {@code null} text to the empty string.
     *
     * @param query               what was asked; {@code null} becomes empty
     * @param ingredients         substances certainly contained; not {@code null}
     * @param possibleIngredients substances possibly contained; not {@code null}
     * @param kind                how the match was found; not {@code null}
     * @param system              system URI of the matching code; {@code null} becomes empty
     * @param code                the matching code or name; {@code null} becomes empty
     * @param topical             whether the form is local only
     * @param message             notes on the match; {@code null} becomes empty
     * @throws NullPointerException when {@code kind} or a list is {@code null} or a list holds {@code null}
     */
    public DrugMatch {
        query = Objects.requireNonNullElse(query, "");
        ingredients = List.copyOf(ingredients);
        possibleIngredients = List.copyOf(possibleIngredients);
        Objects.requireNonNull(kind, "kind");
        system = Objects.requireNonNullElse(system, "");
        code = Objects.requireNonNullElse(code, "");
        message = Objects.requireNonNullElse(message, "");
    }

    /**
     * Whether at least one ingredient was identified for certain.
     *
     * @return true when {@link #ingredients()} is not empty and the kind is not {@link MatchKind#UNRESOLVED}
     */
    public boolean isResolved() {
        return kind != MatchKind.UNRESOLVED && !ingredients.isEmpty();
    }

    /**
     * Whether the input may contain substances that could not be confirmed.
     *
     * @return true when {@link #possibleIngredients()} is not empty (also for a resolved match)
     */
    public boolean isAmbiguous() {
        return !possibleIngredients.isEmpty();
    }

    /**
     * The catalog ids of the certain ingredients.
     *
     * @return the ids of {@link #ingredients()}, in the same order; empty when unresolved
     */
    public List<String> ingredientIds() {
        return ingredients.stream().map(DrugConcept::id).toList();
    }

    /**
     * The catalog ids of the possible ingredients.
     *
     * @return the ids of {@link #possibleIngredients()}, in the same order; empty when the answer is certain
     */
    public List<String> possibleIngredientIds() {
        return possibleIngredients.stream().map(DrugConcept::id).toList();
    }

    static DrugMatch unresolved(String query, String message) {
        return new DrugMatch(query, List.of(), List.of(), MatchKind.UNRESOLVED, "", "", false, message);
    }
}
