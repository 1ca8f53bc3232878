package no.pgx.knowledge.tools;

/**
 * A derived-table row that a person must look at before the import result may ship: a new source row, a source row
 * whose published content changed since it was curated, a withdrawn source row, a row still marked
 * {@code needs-review} in its overlay, or a source value the translation maps do not know.
 *
 * @param table  the derived table (path under the knowledge root)
 * @param row    the row's stable id (recommendation id, guideline id, gene and allele, gene and lookup key)
 * @param reason what happened, in words
 */
public record ReviewItem(String table, String row, String reason) {
    @Override
    public String toString() {
        return table + " " + row + ": " + reason;
    }
}
