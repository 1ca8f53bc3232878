package no.pgx.cli.assess;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import no.pgx.cli.input.InputLine;
import no.pgx.cli.input.InputText;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.DrugOrder;
import no.pgx.engine.GeneInput;
import no.pgx.engine.Problem;

/**
 * Reads one batch line into an {@link AssessmentRequest}: {@code id}, {@code results} per gene ({@code diplotype},
 * {@code phenotype}, {@code activityScore} or {@code alleleStatus}, or one string), {@code drugs}, {@code medications},
 * and as extensions {@code population}, {@code ageYears} (or {@code age}) and {@code sources}, and the request context
 * of the advice: a drug as {@code {"name","indication","route"}} beside plain names, a medication as
 * {@code {"name","startDate"}} beside plain names, {@code conditions} (a list; absent = unknown, empty = none),
 * {@code weightKg}, {@code ancestry} (one group or a list) and {@code orderDate}. Never throws for bad input: what is
 * wrong becomes the case's errors, each naming the line and the field. A line that is not UTF-8, starts with a
 * byte-order mark, is not a JSON object or repeats a key is not assessed; a context value that cannot be read (a start
 * date, a weight) is an error and the case is assessed without it. Thread-safe.
 *
 * <p>A new input field is one entry in {@link #FIELDS} and one method.
 */
final class CaseReader {
    /** Reads one field's value into the request; @return false when the case cannot be assessed at all */
    @FunctionalInterface
    private interface FieldReader {
        boolean read(JsonNode value, Reading r);
    }

    /** A case field: its names (the first present is read) and its reader. */
    private record Field(List<String> names, FieldReader reader) {
        Field(String name, FieldReader reader) {
            this(List.of(name), reader);
        }
    }

    /** The fields of a case, read in this order; unknown fields are ignored (room for later extensions). */
    private static final List<Field> FIELDS = List.of(
            new Field("results", CaseReader::results),
            new Field("drugs", CaseReader::drugs),
            new Field("medications", CaseReader::medications),
            new Field("population", CaseReader::population),
            new Field(List.of("ageYears", "age"), CaseReader::age),
            new Field("sources", CaseReader::sources),
            new Field("conditions", CaseReader::conditions),
            new Field("weightKg", CaseReader::weight),
            new Field("ancestry", CaseReader::ancestry),
            new Field("orderDate", CaseReader::orderDate));

    /** The case being read: its line number, its request and its errors so far. */
    private static final class Reading {
        final int lineNo;
        final AssessmentRequest.Builder builder;
        final List<Problem> errors = new ArrayList<>();

        Reading(int lineNo, boolean includeNormal) {
            this.lineNo = lineNo;
            this.builder = AssessmentRequest.builder().includeNormal(includeNormal);
        }

        void error(String gene, String field, String message) {
            errors.add(new Problem(gene, field, "line " + lineNo + ": " + message));
        }
    }

    /**
     * A read case.
     *
     * @param id      the case's id as sent, or null
     * @param request what to assess, or null when the case cannot be assessed
     * @param errors  what was wrong with the input
     */
    record CaseInput(JsonNode id, AssessmentRequest request, List<Problem> errors) {
    }

    /** Duplicate keys are an error: "last one wins" would silently assess another result than the one meant. */
    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** @return the case on {@code line}, which must not be blank */
    CaseInput read(InputLine line, boolean includeNormal) {
        Reading r = new Reading(line.number(), includeNormal);
        if (!line.readable()) {
            r.error(null, null, line.problem());
            return new CaseInput(null, null, r.errors);
        }
        if (line.text().startsWith("\uFEFF")) {
            r.error(null, null, "starts with a byte-order mark (U+FEFF); save the file as UTF-8 without BOM");
            return new CaseInput(null, null, r.errors);
        }
        JsonNode node;
        try {
            node = json.readTree(line.text());
        } catch (JsonProcessingException e) {
            parseError(e, r);
            return new CaseInput(null, null, r.errors);
        }
        JsonNode id = node == null ? null : node.get("id");
        if (node == null || !node.isObject()) {
            r.error(null, null, "a case must be a JSON object");
            return new CaseInput(id, null, r.errors);
        }
        for (Field f : FIELDS) {
            JsonNode value = value(node, f.names());
            if (value != null && !f.reader().read(value, r)) {
                return new CaseInput(id, null, r.errors);
            }
        }
        return new CaseInput(id, r.builder.build(), r.errors);
    }

    private static JsonNode value(JsonNode node, List<String> names) {
        for (String name : names) {
            if (node.has(name)) {
                return node.get(name);
            }
        }
        return null;
    }

    private static void parseError(JsonProcessingException e, Reading r) {
        String message = e.getOriginalMessage();
        if (e instanceof JsonParseException p && message != null && message.startsWith("Duplicate field '")) {
            String key = message.substring("Duplicate field '".length(), message.length() - 1);
            String parent = parentName(p);
            boolean gene = "results".equals(parent);
            r.error(gene ? key : null, gene ? "results" : key, "the key \"" + key + "\" appears twice"
                    + (parent == null ? "" : " in \"" + parent + "\"") + "; give each key once");
            return;
        }
        r.error(null, null, "not valid JSON: " + message);
    }

    /** @return the name of the object holding the duplicate key, or null at the top level */
    private static String parentName(JsonParseException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return null;
        }
        JsonStreamContext parent = parser.getParsingContext() == null ? null : parser.getParsingContext().getParent();
        return parent == null || parent.inRoot() ? null : parent.getCurrentName();
    }

    private static boolean results(JsonNode results, Reading r) {
        if (results.isNull()) {
            return true;
        }
        if (!results.isObject()) {
            r.error(null, "results", "\"results\" must be an object of genes");
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = results.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            GeneInput g = geneInput(e.getKey(), e.getValue(), r);
            if (g != null) {
                r.builder.result(g);
            }
        }
        return true;
    }

    /** @return the gene's result, or null (with an error) when it cannot be read; the case goes on without it */
    private static GeneInput geneInput(String gene, JsonNode v, Reading r) {
        if (refused(gene, "results", "the gene name", gene, r)) {
            return null;
        }
        if (v != null && v.isTextual()) {
            return refused(gene, "results", gene + " result", v.asText(), r) ? null
                    : ResultValues.guess(gene, v.asText());
        }
        if (v == null || !v.isObject()) {
            r.error(gene, "results", gene + " must be an object with diplotype, phenotype, activityScore or"
                    + " alleleStatus");
            return null;
        }
        String diplotype = text(v, "diplotype");
        String phenotype = text(v, "phenotype");
        String score = text(v, "activityScore");
        String status = text(v, "alleleStatus");
        if (diplotype == null && phenotype == null && score == null && status == null) {
            r.error(gene, "results", gene + " has none of diplotype, phenotype, activityScore, alleleStatus");
            return null;
        }
        if (refused(gene, "diplotype", gene + " diplotype", diplotype, r)
                || refused(gene, "phenotype", gene + " phenotype", phenotype, r)
                || refused(gene, "activityScore", gene + " activity score", score, r)
                || refused(gene, "alleleStatus", gene + " allele status", status, r)) {
            return null;
        }
        return new GeneInput(gene, diplotype, phenotype, score, status, null);
    }

    /**
     * Refuses a value with a control character: the engine trims white space, so {@code *2/*2} followed by a TAB or
     * NUL would otherwise be assessed as {@code *2/*2}.
     *
     * @return true (with an error) when {@code value} holds a control character
     */
    private static boolean refused(String gene, String field, String what, String value, Reading r) {
        String problem = InputText.controlCharacterProblem(InputText.visible(what), value);
        if (problem != null) {
            r.error(InputText.visible(gene), field, problem);
        }
        return problem != null;
    }

    private static String text(JsonNode v, String field) {
        JsonNode n = v.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /**
     * {@code drugs}: names, or orders {@code {"name":"klopidogrel","indication":"acs","route":"oral"}}; an empty list
     * orders nothing, a missing one means every drug of the knowledge base.
     */
    private static boolean drugs(JsonNode v, Reading r) {
        if (v.isNull()) {
            return true;
        }
        List<JsonNode> items = items(v);
        if (items == null) {
            r.error(null, "drugs", "\"drugs\" must be a list of names or of objects with \"name\"");
            return false;
        }
        r.builder.drugs(List.of());
        for (JsonNode item : items) {
            if (item.isTextual()) {
                r.builder.drug(item.asText());
                continue;
            }
            String name = objectName(item, "drugs", r, "indication", "route");
            if (name == null) {
                return false;
            }
            r.builder.order(DrugOrder.of(name).withIndication(text(item, "indication")).withRoute(text(item, "route")));
        }
        return true;
    }

    /**
     * {@code medications}: names, or {@code {"name":"karbamazepin","startDate":"2025-01-10"}}. A start date that is
     * not a date is an error and the drug counts as taken for an unknown time (a new start for "> 3 months" advice).
     */
    private static boolean medications(JsonNode v, Reading r) {
        if (v.isNull()) {
            return true;
        }
        List<JsonNode> items = items(v);
        if (items == null) {
            r.error(null, "medications", "\"medications\" must be a list of names or of objects with \"name\"");
            return false;
        }
        for (JsonNode item : items) {
            if (item.isTextual()) {
                r.builder.medication(item.asText());
                continue;
            }
            String name = objectName(item, "medications", r, "startDate");
            if (name == null) {
                return false;
            }
            String start = text(item, "startDate");
            LocalDate date = start == null ? null : date(start, "medications",
                    "medication " + name + ": \"startDate\"", r);
            r.builder.medication(name, date);
        }
        return true;
    }

    /** @return the elements of a list (one string or object counts as a list of one), or null when it is neither */
    private static List<JsonNode> items(JsonNode v) {
        if (v.isTextual() || v.isObject()) {
            return List.of(v);
        }
        if (!v.isArray()) {
            return null;
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** @return the {@code name} of an object entry of {@code field}, or null (with an error) when it has none */
    private static String objectName(JsonNode item, String field, Reading r, String... others) {
        JsonNode name = item.isObject() ? item.get("name") : null;
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            r.error(null, field, "an entry of \"" + field + "\" must be a name or an object with \"name\""
                    + (others.length == 0 ? "" : " (and optionally \"" + String.join("\", \"", others) + "\")")
                    + ", found " + item);
            return null;
        }
        for (String other : others) {
            JsonNode o = item.get(other);
            if (o != null && !o.isNull() && !o.isTextual()) {
                r.error(null, field, field + " " + name.asText() + ": \"" + other + "\" must be a string, found " + o);
                return null;
            }
        }
        return name.asText();
    }

    /** {@code conditions}: a list of condition ids or codes; absent or null = unknown, empty = known to have none. */
    private static boolean conditions(JsonNode v, Reading r) {
        if (v.isNull()) {
            return true;
        }
        strings(v, "conditions", r, r.builder::conditions);  // not a list: said, and the conditions stay unknown
        return true;
    }

    /** {@code weightKg}: a number; anything else is an error and the weight is unknown. */
    private static boolean weight(JsonNode v, Reading r) {
        if (v.isNull()) {
            return true;
        }
        if (!v.isNumber()) {
            r.error(null, "weightKg", "weightKg must be a number of kilograms, not " + v + "; assessed without it");
        } else {
            r.builder.weightKg(v.asDouble());
        }
        return true;
    }

    /** {@code ancestry}: one group ({@code "han-chinese"}) or a list of groups. */
    private static boolean ancestry(JsonNode v, Reading r) {
        if (!v.isNull()) {
            strings(v, "ancestry", r, groups -> groups.forEach(r.builder::ancestry));
        }
        return true;
    }

    /** {@code orderDate}: the date of the order ({@code YYYY-MM-DD}); start dates are measured to it. */
    private static boolean orderDate(JsonNode v, Reading r) {
        if (v.isNull()) {
            return true;
        }
        if (!v.isTextual()) {
            r.error(null, "orderDate", "orderDate must be a date written YYYY-MM-DD, not " + v);
            return true;
        }
        r.builder.orderDate(date(v.asText(), "orderDate", "orderDate", r));
        return true;
    }

    /** @return the date, or null (with an error naming {@code what}) when it is not written YYYY-MM-DD */
    private static LocalDate date(String value, String field, String what, Reading r) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            r.error(null, field, what + " must be a date written YYYY-MM-DD, not '" + InputText.visible(value)
                    + "'; assessed without it");
            return null;
        }
    }

    private static boolean population(JsonNode v, Reading r) {
        if (!v.isNull()) {
            r.builder.population(v.asText());
        }
        return true;
    }

    private static boolean age(JsonNode age, Reading r) {
        if (age.isNull()) {
            return true;
        }
        if (!age.canConvertToInt()) {
            r.error(null, "ageYears", "age must be whole years, not " + age);
        } else {
            r.builder.ageYears(age.asInt());
        }
        return true;
    }

    /** Sources that cannot be read are an error, and the case is assessed with every source. */
    private static boolean sources(JsonNode v, Reading r) {
        strings(v, "sources", r, sources -> sources.forEach(r.builder::source));
        return true;
    }

    /** Reads a list of strings (or one string) into {@code into}; @return false with an error when it is not one */
    private static boolean strings(JsonNode n, String field, Reading r, Consumer<List<String>> into) {
        if (n.isTextual()) {
            into.accept(List.of(n.asText()));
            return true;
        }
        if (!n.isArray()) {
            r.error(null, field, "\"" + field + "\" must be a list of strings");
            return false;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isTextual()) {
                r.error(null, field, "\"" + field + "\" must be a list of strings, found " + x);
                return false;
            }
            out.add(x.asText());
        }
        into.accept(out);
        return true;
    }
}
