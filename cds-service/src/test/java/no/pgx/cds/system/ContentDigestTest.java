package no.pgx.cds.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The digest is a cache key shared across patients: equal content must match, different content must not. */
class ContentDigestTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String digest(String... json) {
        return ContentDigest.of(List.of(json).stream().map(JSON::readTree).map(JsonNode.class::cast).toList());
    }

    @Test
    void equalContentGivesTheSameDigestWhateverTheLayout() {
        assertThat(digest("{\"a\": [1, \"x\", true, null], \"b\": {\"c\": \"æøå\"}}"))
                .isEqualTo(digest("{\"a\":[1,\"x\",true,null],\"b\":{\"c\":\"\\u00e6\\u00f8\\u00e5\"}}"))
                .hasSize(64);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":\"bc\"}                 | {\"ab\":\"c\"}",
            "{\"a\":\"1\"}                  | {\"a\":1}",
            "{\"a\":1}                      | {\"a\":1.0}",
            "{\"a\":true}                   | {\"a\":\"true\"}",
            "{\"a\":null}                   | {}",
            "{\"a\":1,\"b\":2}              | {\"b\":2,\"a\":1}",
            "[[1],[2]]                      | [[1,2]]",
            "[\"a\",\"b\"]                  | [\"ab\"]",
            "{\"a\":\"\\u0080\"}            | {\"a\":\"\\u0000\\u0080\"}",
            "{\"a\":\"CYP2C19 *2/*2\"}      | {\"a\":\"CYP2C19 *1/*1\"}"})
    void differentContentGivesDifferentDigests(String left, String right) {
        assertThat(digest(left)).isNotEqualTo(digest(right));
    }

    @Test
    void theSplitIntoResourcesCounts() {
        assertThat(digest("{\"a\":1}", "{\"b\":2}")).isNotEqualTo(digest("{\"a\":1,\"b\":2}"));
        assertThat(digest()).isNotEqualTo(digest("{}"));
    }
}
