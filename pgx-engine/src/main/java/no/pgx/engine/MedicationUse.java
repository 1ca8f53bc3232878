package no.pgx.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A drug on the patient's current medication list, with the date the patient started it when known (FHIR
 * {@code MedicationStatement.effective[x]} start or {@code MedicationRequest.authoredOn} of the first order).
 *
 * <p>The start date decides whether the patient "has taken the drug for more than three months", which selects the
 * established-therapy recommendations (CPIC carbamazepine, oxcarbazepine and phenytoin with HLA-B*15:02); without a
 * start date that population is not assumed.
 *
 * @param name      the drug (name, Norwegian or trade name, ATC or RxNorm code); never null
 * @param startDate the date the patient started the drug, or null when unknown
 */
public record MedicationUse(String name, LocalDate startDate) {
    /**
     * Checks the name.
     *
     * @param name      the drug; not null
     * @param startDate the start date, or null when unknown
     * @throws NullPointerException when {@code name} is null
     */
    public MedicationUse {
        Objects.requireNonNull(name, "name");
    }
}
