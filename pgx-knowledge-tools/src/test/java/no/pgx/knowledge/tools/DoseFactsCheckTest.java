package no.pgx.knowledge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Dose facts follow their recommendation rows through an import: orphans, wrong drugs and rows under review show up. */
class DoseFactsCheckTest {

    @Test
    void reportsDoseFactsOfMissingMismatchedAndReviewedRows() throws IOException {
        Path facts = KnowledgeModule.scratch("dose-facts").resolve("dose-facts.csv");
        Files.writeString(facts, """
                # title: test
                recommendation_id,source,drug,dose_kind,change,percent
                PA1,CPIC,codeine,starting,percent,50
                PA1,CPIC,codeine,maximum,cap,75
                PA2,CPIC,tramadol,starting,percent,50
                PA3,CPIC,codeine,starting,percent,50
                PA4,CPIC,codeine,starting,percent,50
                """, StandardCharsets.UTF_8);
        String table = "id,drug\r\nPA1,codeine\r\nPA2,codeine\r\nPA4,codeine\r\n";
        List<ReviewItem> review = List.of(new ReviewItem("guidelines/recommendations-cpic.csv", "PA1", "changed"));

        List<ReviewItem> items = DoseFactsCheck.check(facts, List.of(table), review);

        assertThat(items).extracting(ReviewItem::row, ReviewItem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PA1", "dose facts of a recommendation under review: check them with it"),
                org.assertj.core.groups.Tuple.tuple("PA2", "dose facts name drug tramadol, the recommendation is for codeine"),
                org.assertj.core.groups.Tuple.tuple("PA3",
                        "dose facts for a recommendation the tables do not have (withdrawn or excluded)"));
    }
}
