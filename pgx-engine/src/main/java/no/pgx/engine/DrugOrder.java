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
    /**
     * Checks the drug.
     *
     * @param drug       the drug as ordered; not null
     * @param indication what the order is for, or null when unknown
     * @param route      the route of administration, or null when unknown
     * @throws NullPointerException when {@code drug} is null
     */
    public DrugOrder {
        Objects.requireNonNull(drug, "drug");
    }

    /**
     * @param drug the drug as ordered (name, Norwegian or trade name, product text, ATC or RxNorm code); not null
     * @return an order of the drug with nothing else known
     * @throws NullPointerException when {@code drug} is null
     */
    public static DrugOrder of(String drug) {
        return new DrugOrder(drug, null, null);
    }

    /**
     * @param indication condition id or code, optionally prefixed by its system ({@code icd10:I21.4}), or null for
     *                   unknown; an unknown value is a {@link Problem} of the assessment
     * @return a copy with the indication
     */
    public DrugOrder withIndication(String indication) {
        return new DrugOrder(drug, indication, route);
    }

    /**
     * @param route route as text or code ({@code oral}, {@code kutan}, {@code 20053000}), or null for unknown
     * @return a copy with the route
     */
    public DrugOrder withRoute(String route) {
        return new DrugOrder(drug, indication, route);
    }
}
