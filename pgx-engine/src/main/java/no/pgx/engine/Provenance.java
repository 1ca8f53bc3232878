package no.pgx.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a gene result comes from. Every field is optional.
 *
 * @param sourceId       id of the source record (e.g. the FHIR Observation id), or null
 * @param testDate       date the test was performed or reported, or null
 * @param lab            performing laboratory, or null
 * @param testedVariants the variants/alleles the assay tested; empty when unknown. A {@code *1} from a narrow panel
 *                       means "none of these found", so the list is kept with the result.
 */
public record Provenance(String sourceId, LocalDate testDate, String lab, List<String> testedVariants) {
    /** No provenance known. */
    public static final Provenance UNKNOWN = new Provenance(null, null, null, List.of());

    /**
     * Keeps an unmodifiable copy of the tested variants; a null list becomes empty.
     *
     * @param sourceId       id of the source record, or null
     * @param testDate       test or report date, or null
     * @param lab            performing laboratory, or null
     * @param testedVariants the variants the assay tested; null becomes empty; no null element
     * @throws NullPointerException when {@code testedVariants} holds null
     */
    public Provenance {
        testedVariants = testedVariants == null ? List.of() : List.copyOf(testedVariants);
    }
}
