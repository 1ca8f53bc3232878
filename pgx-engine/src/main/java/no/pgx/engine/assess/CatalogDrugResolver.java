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
        return new Resolution(m.ingredientIds(), m.possibleIngredientIds(), m.message());
    }

    @Override
    public String nameEn(String id) {
        return catalog.byId(id).map(DrugConcept::nameEn).filter(n -> !n.isBlank())
                .map(n -> n.toLowerCase(Locale.ROOT)).orElse(id);
    }

    @Override
    public String nameNb(String id) {
        return catalog.byId(id).map(DrugConcept::nameNb).filter(n -> !n.isBlank()).orElse(nameEn(id));
    }
}
