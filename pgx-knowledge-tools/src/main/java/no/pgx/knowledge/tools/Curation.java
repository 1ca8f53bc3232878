package no.pgx.knowledge.tools;

import java.util.Map;
import java.util.Set;

/**
 * Review statuses and stamps of overlay rows.
 *
 * <ul>
 *   <li>{@code curated}: curated by the project; {@code approved}: signed off by the drug and therapeutics committee
 *       (initials in {@code reviewer}); both are final for the import.</li>
 *   <li>{@code excluded}: a source row deliberately not used (reason in the row).</li>
 *   <li>{@code project}: a row the project adds without an upstream row (reason or source in the row).</li>
 *   <li>{@code needs-review}: written by the import for new or changed source rows; the import reports it until a
 *       person changes it.</li>
 * </ul>
 */
final class Curation {
    static final String CURATED = "curated";
    static final String APPROVED = "approved";
    static final String EXCLUDED = "excluded";
    static final String PROJECT = "project";
    static final String NEEDS_REVIEW = "needs-review";

    /** Statuses a curator may write. */
    static final Set<String> STATUSES = Set.of(CURATED, APPROVED, EXCLUDED, PROJECT, NEEDS_REVIEW);

    /** The value the import writes into a curated column it has no curation for. */
    static final String NEEDS_REVIEW_VALUE = "NEEDS_REVIEW";

    private Curation() {
    }

    /**
     * Who curated a row and when.
     *
     * @param reviewer initials (or {@code PGX} for the project team without a named reviewer)
     * @param date     YYYY-MM-DD
     */
    record Stamp(String reviewer, String date) {
        void applyTo(Map<String, String> row, String status) {
            row.put("status", status);
            row.put("reviewer", reviewer);
            row.put("reviewed", date);
        }
    }

    /** @return true when the status lets the import use the row's curation without review */
    static boolean isFinal(String status) {
        return CURATED.equals(status) || APPROVED.equals(status);
    }
}
