package no.pgx.engine.assess;

import java.util.Locale;

import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.drug.DrugConcept;
import no.pgx.terminology.drug.DrugMatch;

/** {@link DrugResolver} over the terminology module's {@link DrugCatalog}. Thread-safe. */
final class CatalogDrugResolver implements DrugResolver {
    private final DrugCatalog catalog;

    CatalogDrugResolver(DrugCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Resolution resolve(String nameOrCode) {
        DrugMatch m = catalog.resolve(nameOrCode);
        return new Resolution(m.ingredientIds(), m.possibleIngredientIds(), m.message(), m.topical(),
                m.otherIngredients());
    }

    @Override
    public Resolution resolve(String nameOrCode, String route) {
        DrugMatch m = catalog.resolve(nameOrCode);
        if (route == null || route.isBlank() || !m.isResolved() && m.possibleIngredientIds().isEmpty()) {
            return new Resolution(m.ingredientIds(), m.possibleIngredientIds(), m.message(), m.topical(),
                    m.otherIngredients());
        }
        // The route decides: classify it together with the product text, or with the drug's id when the input was a
        // code the text path does not read.
        DrugMatch routed = catalog.resolve(java.util.List.of(), nameOrCode, java.util.List.of(), route);
        if (!routed.isResolved()) {
            String id = m.isResolved() ? m.ingredientIds().get(0) : m.possibleIngredientIds().get(0);
            routed = catalog.resolve(java.util.List.of(), id, java.util.List.of(), route);
        }
        boolean topical = routed.isResolved() ? routed.topical() : m.topical();
        return new Resolution(m.ingredientIds(), m.possibleIngredientIds(), m.message(), topical,
                m.otherIngredients());
    }

    @Override
    public String nameEn(String id) {
        return catalog.byId(id).map(DrugConcept::nameEn).filter(n -> !n.isBlank())
                .map(n -> n.toLowerCase(Locale.ROOT)).orElse(id);
    }

    @Override
    public java.util.List<String> atc(String id) {
        return catalog.byId(id).map(DrugConcept::atcCodes).orElse(java.util.List.of());
    }

    @Override
    public String nameNb(String id) {
        return catalog.byId(id).map(DrugConcept::nameNb).filter(n -> !n.isBlank()).orElse(nameEn(id));
    }
}
