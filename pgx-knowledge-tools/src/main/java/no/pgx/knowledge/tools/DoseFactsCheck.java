package no.pgx.knowledge.tools;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.pgx.knowledge.CsvTable;

/**
 * The hand-curated dose facts ({@code curation/dose-facts.csv}) are a curation overlay of the recommendation rows,
 * keyed by the recommendation id. After an import they must still point at rows the tables have (same source and
 * drug), and the dose facts of a row that needs review need review too.
 */
final class DoseFactsCheck {
    static final String TABLE = "curation/dose-facts.csv";

    private DoseFactsCheck() {
    }

    /**
     * @param file             the dose facts file
     * @param recommendations  the text of the imported recommendation tables
     * @param review           the review items of the import so far
     * @return review items for dose facts of unknown, mismatched or reviewed rows (one per recommendation id)
     */
    static List<ReviewItem> check(Path file, List<String> recommendations, List<ReviewItem> review) {
        Map<String, String> rows = new HashMap<>();
        for (String text : recommendations) {
            for (CsvTable.Row r : CsvTable.parse("recommendations", new StringReader(text)).rows()) {
                rows.put(r.get("id"), r.get("drug"));
            }
        }
        Set<String> underReview = new HashSet<>();
        review.stream().filter(i -> i.table().startsWith("guidelines/recommendations-"))
                .forEach(i -> underReview.add(i.row()));
        CsvTable facts;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            facts = CsvTable.parse(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<ReviewItem> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (CsvTable.Row f : facts.rows()) {
            String id = f.get("recommendation_id");
            String drug = rows.get(id);
            String why = null;
            if (drug == null) {
                why = "dose facts for a recommendation the tables do not have (withdrawn or excluded)";
            } else if (!drug.equals(f.get("drug"))) {
                why = "dose facts name drug " + f.get("drug") + ", the recommendation is for " + drug;
            } else if (underReview.contains(id)) {
                why = "dose facts of a recommendation under review: check them with it";
            }
            if (why != null && reported.add(id)) {
                out.add(new ReviewItem(TABLE, id, why));
            }
        }
        return out;
    }
}
