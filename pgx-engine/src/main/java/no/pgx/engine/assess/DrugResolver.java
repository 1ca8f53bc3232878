package no.pgx.engine.assess;

import java.util.List;

/**
 * Resolves drug names and codes to the knowledge base's drug ids (English INN, lower case) and names them in English
 * and Bokmål. Implementations are thread-safe.
 */
public interface DrugResolver {

    /**
     * @param ids         ingredients the input certainly contains
     * @param possibleIds ingredients it may contain (ambiguous codes or names)
     * @param message     why nothing or not everything was resolved, or empty
     * @param topical     the route, dose form or code shows a local form (skin, eye, ear, mouth, vagina …) and nothing
     *                    shows a systemic one (the terminology module's one route classifier)
     * @param others      active substances of the product besides {@code ids} that are not catalog substances
     *                    (Kaftrio: elexacaftor, tezacaftor), or a combination code's label; empty for one substance
     */
    record Resolution(List<String> ids, List<String> possibleIds, String message, boolean topical,
                      List<String> others) {
        /**
         * Copies the lists; a null message or list of others is empty.
         *
         * @param ids         ingredients the input certainly contains
         * @param possibleIds ingredients it may contain
         * @param message     why nothing or not everything was resolved, or empty
         * @param topical     a local form and nothing systemic
         * @param others      active substances besides {@code ids} that are not catalog substances
         */
        public Resolution {
            ids = List.copyOf(ids);
            possibleIds = List.copyOf(possibleIds);
            message = message == null ? "" : message;
            others = others == null ? List.of() : List.copyOf(others);
        }

        Resolution(List<String> ids, List<String> possibleIds, String message, boolean topical) {
            this(ids, possibleIds, message, topical, List.of());
        }

        /** @return the product holds several active substances (catalog ingredients or others) */
        boolean combination() {
            return ids.size() + possibleIds.size() + others.size() > 1;
        }

        Resolution(List<String> ids, List<String> possibleIds, String message) {
            this(ids, possibleIds, message, false);
        }

        boolean resolved() {
            return !ids.isEmpty() || !possibleIds.isEmpty();
        }
    }

    /**
     * @param nameOrCode a drug name (English, Norwegian, trade name) or an ATC or RxNorm code
     * @return the resolution; never null, never throws for bad input
     */
    Resolution resolve(String nameOrCode);

    /**
     * @param nameOrCode a drug name or code, as {@link #resolve(String)}
     * @param route      route of administration as text or code, or null
     * @return the resolution with the route taken into account for {@link Resolution#topical()}
     */
    default Resolution resolve(String nameOrCode, String route) {
        return resolve(nameOrCode);
    }

    /**
     * @param id a drug id (English INN, lower case)
     * @return the English name of a drug id (the id itself when unknown)
     */
    String nameEn(String id);

    /**
     * @param id a drug id (English INN, lower case)
     * @return the Bokmål name of a drug id (the English name when unknown)
     */
    String nameNb(String id);

    /**
     * @param id a drug id (English INN, lower case)
     * @return the systemic ATC codes of a drug id; empty when unknown
     */
    default java.util.List<String> atc(String id) {
        return java.util.List.of();
    }
}
