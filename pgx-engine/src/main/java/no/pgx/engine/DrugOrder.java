package no.pgx.engine;

import java.util.Objects;

/**
 * A drug being ordered, with what the order says about its use. Only {@code drug} is required; the rest makes the
 * advice more precise (population, alternatives, test before start).
 *
 * <pre>{@code
 * DrugOrder.of("klopidogrel").withIndication("I21.4").withRoute("oral")
 * }</pre>
 *
 * @param drug       the drug as ordered: English or Norwegian name, trade name or product text, ATC or RxNorm code;
 *                   never null
 * @param indication what the order is for, or null when unknown: a condition id of the knowledge base's condition
 *                   vocabulary ({@code acs}, {@code stroke-tia}, {@code depression} …) or a code (ICD-10 {@code I21.4},
 *                   ICPC-2 {@code K75}, SNOMED CT), optionally prefixed by its system ({@code icd10:I21.4},
 *                   {@code icpc2:K75}, {@code snomed:22298006}). Selects the recommendation population (e.g. ACS/PCI or
 *                   stroke/TIA for clopidogrel) and which alternatives fit
 * @param route      the route of administration as text or code ({@code oral}, {@code kutan}, {@code topical},
 *                   {@code 20053000}), or null when unknown. A local route (skin, eye, ear, mouth, vagina …) gets no
 *                   pharmacogenetic advice and no test before start; product text such as "Efudix krem" counts too
 */
public record DrugOrder(String drug, String indication, String route) {
    public DrugOrder {
        Objects.requireNonNull(drug, "drug");
    }

    /** @return an order of the drug with nothing else known */
    public static DrugOrder of(String drug) {
        return new DrugOrder(drug, null, null);
    }

    /** @return a copy with the indication (condition id or code), or null for unknown */
    public DrugOrder withIndication(String indication) {
        return new DrugOrder(drug, indication, route);
    }

    /** @return a copy with the route (text or code), or null for unknown */
    public DrugOrder withRoute(String route) {
        return new DrugOrder(drug, indication, route);
    }
}
