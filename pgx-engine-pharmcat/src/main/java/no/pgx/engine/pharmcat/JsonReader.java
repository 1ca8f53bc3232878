package no.pgx.engine.pharmcat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PharmCAT's phenotyper ({@code geneReports}) and report ({@code genes}) JSON: a map of gene reports, flat by gene
 * (PharmCAT 3) or nested by source ({@code CPIC}, {@code DPWG}; PharmCAT 2). For each gene the recommendation
 * diplotypes are used (what PharmCAT looks recommendations up with), else the source diplotypes. Stateless.
 */
final class JsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter PHARMCAT_TIMESTAMP =
            DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US);

    private JsonReader() {
    }

    static void read(String json, Collector out) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            out.problem(null, "json", "The PharmCAT file is not valid JSON (" + e.getOriginalMessage() + "); nothing was"
                    + " read");
            return;
        }
        String key = root.has("geneReports") ? "geneReports" : root.has("genes") ? "genes" : null;
        if (key == null) {
            out.problem(null, "json", "The JSON has neither geneReports (PharmCAT phenotyper output) nor genes (PharmCAT "
                    + "report); nothing was read");
            return;
        }
        out.metadata(text(root.path("pharmcatVersion").isMissingNode() ? root.path("matcherMetadata")
                .path("pharmcatVersion") : root.path("pharmcatVersion")), date(text(root.path("timestamp"))));
        for (Map.Entry<String, JsonNode> gene : genes(root.path(key)).entrySet()) {
            gene(gene.getKey(), gene.getValue(), key, out);
        }
    }

    /** Flat ({@code {GENE: report}}) or by source ({@code {CPIC: {GENE: report}, DPWG: …}}); CPIC first. */
    private static Map<String, JsonNode> genes(JsonNode reports) {
        Map<String, JsonNode> genes = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        reports.fieldNames().forEachRemaining(sources::add);
        boolean nested = !sources.isEmpty() && sources.stream().allMatch(s -> {
            JsonNode v = reports.get(s);
            return v.isObject() && !v.has("geneSymbol") && !v.has("sourceDiplotypes");
        });
        if (!nested) {
            sources.forEach(g -> genes.put(g, reports.get(g)));
            return genes;
        }
        sources.sort((a, b) -> a.equals("CPIC") ? -1 : b.equals("CPIC") ? 1 : 0);
        for (String s : sources) {
            Iterator<Map.Entry<String, JsonNode>> it = reports.get(s).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                genes.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        return genes;
    }

    private static void gene(String symbol, JsonNode report, String key, Collector out) {
        String gene = report.hasNonNull("geneSymbol") ? report.get("geneSymbol").asText() : symbol;
        String where = key + "." + gene;
        boolean outside = "OUTSIDE".equalsIgnoreCase(text(report.path("callSource")));
        if ("NONE".equalsIgnoreCase(text(report.path("callSource")))) {
            out.note(gene, "callSource", gene + ": PharmCAT made no call (" + where + ", call source NONE); the gene "
                    + "counts as not tested");
            return;
        }
        JsonNode diplotypes = report.path("recommendationDiplotypes");
        if (!diplotypes.isArray() || diplotypes.isEmpty()) {
            diplotypes = report.path("sourceDiplotypes");
        }
        if (!diplotypes.isArray() || diplotypes.isEmpty()) {
            out.note(gene, "diplotype", gene + ": PharmCAT reports no diplotype (" + where + "); the gene counts as not"
                    + " tested");
            return;
        }
        if (diplotypes.size() > 1) {
            List<String> labels = new ArrayList<>();
            diplotypes.forEach(d -> labels.add(label(d)));
            out.problem(gene, "diplotype", gene + ": PharmCAT reports " + diplotypes.size() + " possible diplotypes ("
                    + String.join(", ", labels) + ", " + where + "); the result is Indeterminate");
            out.call(gene, null, "Indeterminate", null, outside, where);
            return;
        }
        JsonNode d = diplotypes.get(0);
        String phenotype = d.path("phenotypes").isArray() && !d.path("phenotypes").isEmpty()
                ? d.path("phenotypes").get(0).asText() : null;
        out.call(gene, label(d), phenotype, text(d.path("activityScore")), outside, where);
    }

    /** The allele names joined by '/' (PharmCAT's label says "No CPIC variants found" for Reference/Reference). */
    private static String label(JsonNode d) {
        String a1 = text(d.path("allele1").path("name"));
        String a2 = text(d.path("allele2").path("name"));
        if (a1 != null && a2 != null) {
            return a1 + "/" + a2;
        }
        if (a1 != null) {
            return a1;
        }
        return text(d.path("label"));
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static LocalDate date(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(timestamp.replace('\u202F', ' '), PHARMCAT_TIMESTAMP).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(timestamp).toLocalDate();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
