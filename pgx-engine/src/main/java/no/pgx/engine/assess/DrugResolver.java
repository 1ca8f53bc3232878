package no.pgx.engine.assess;

import java.util.List;

/**
 * Resolves drug names and codes to the knowledge base's drug ids (English INN, lower case) and names them in English
 * and Bokmål. Implementations are thread-safe.
 */
interface DrugResolver {

    /**
     * @param ids         ingredients the input certainly contains
     * @param possibleIds ingredients it may contain (ambiguous codes or names)
     * @param message     why nothing or not everything was resolved, or empty
     */
    record Resolution(List<String> ids, List<String> possibleIds, String message) {
        public Resolution {
            ids = List.copyOf(ids);
            possibleIds = List.copyOf(possibleIds);
            message = message == null ? "" : message;
        }

        boolean resolved() {
            return !ids.isEmpty() || !possibleIds.isEmpty();
        }
    }

    /** @return the resolution; never null, never throws for bad input */
    Resolution resolve(String nameOrCode);

    /** @return the English name of a drug id (the id itself when unknown) */
    String nameEn(String id);

    /** @return the Bokmål name of a drug id (the English name when unknown) */
    String nameNb(String id);
}
