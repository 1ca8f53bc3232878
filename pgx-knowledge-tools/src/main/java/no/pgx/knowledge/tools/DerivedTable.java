package no.pgx.knowledge.tools;

import java.util.List;

import no.pgx.knowledge.CsvTable;

/** A knowledge table the import derives from the pinned sources plus its curation overlay. */
interface DerivedTable {
    /** @return the table's path under the knowledge root, e.g. {@code guidelines/recommendations-cpic.csv} */
    String path();

    /** @return the table's columns in file order */
    List<String> columns();

    /**
     * Derives the rows from the sources and the overlay. Rows that need a person are still written (with their
     * previous curation, or {@code NEEDS_REVIEW} where there is none) and reported; the overlay is updated in memory
     * to what a curator would start from (new rows and new fingerprints marked {@code needs-review}).
     *
     * @param review receives the rows that need review
     * @return the rows in file order
     */
    List<List<String>> build(ImportContext ctx, List<ReviewItem> review);

    /**
     * Rebuilds the overlay from a shipped table: curated columns are taken from the shipped rows, review metadata is
     * kept where the curated values did not change, else stamped.
     *
     * @param problems receives shipped rows whose source-derived columns differ from what the import derives
     */
    void extract(ImportContext ctx, CsvTable shipped, Curation.Stamp stamp, List<String> problems);
}
