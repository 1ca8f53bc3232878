package no.pgx.cds.hooks;

import java.util.List;

import no.pgx.engine.Assessment;

/**
 * The engine's assessment of one ordered substance, with the draft orders that contain it. Immutable.
 *
 * @param drug       catalog substance id (English INN, lower case)
 * @param orders     the draft orders containing the substance (targets of suggestions)
 * @param assessment the engine's answer
 */
public record DrugAssessment(String drug, List<MedicationLine> orders, Assessment assessment) {
    public DrugAssessment {
        orders = List.copyOf(orders);
    }
}
