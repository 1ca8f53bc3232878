package no.pgx.knowledge.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the pinned raw files in their published JSON shapes: ClinPGx/PharmGKB guideline annotations (guideline,
 * recommendations with lookup keys, population, classification, text) and CPIC/DPWG gene files (named alleles with
 * function and activity value, diplotypes with lookup key and phenotype). Only the fields the import uses are kept,
 * plus a fingerprint of everything a curator read, so that a changed source row is noticed.
 */
final class SourceFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceFiles() {
    }

    /**
     * One recommendation of a guideline annotation.
     *
     * @param id          PharmGKB recommendation id (stable row id)
     * @param guidelineId PharmGKB guideline annotation id
     * @param source      CPIC or DPWG
     * @param drugs       related chemicals (names as published)
     * @param lookupKey   gene → lookup value, genes sorted
     * @param population  population label as published (empty when none)
     * @param strength    classification term as published (empty when none)
     * @param fingerprint hash of every published field a curator reads (text, implications, flags, key, population)
     * @param file        the source file (under the sources directory)
     */
    record Recommendation(String id, String guidelineId, String source, List<String> drugs,
                          SortedMap<String, String> lookupKey, String population, String strength, String fingerprint,
                          String file) {
        /** @return the lookup key as {@code GENE=value;GENE=value}, genes sorted */
        String keyText() {
            StringBuilder b = new StringBuilder();
            lookupKey.forEach((g, v) -> b.append(b.length() == 0 ? "" : ";").append(g).append('=').append(v));
            return b.toString();
        }
    }

    /**
     * One guideline annotation.
     *
     * @param id              PharmGKB guideline annotation id
     * @param source          CPIC or DPWG
     * @param name            annotation name as published
     * @param revision        PharmGKB revision number of the annotation
     * @param drugs           related chemicals (names as published)
     * @param genes           related gene symbols, sorted
     * @param fingerprint     hash of id, source, name, revision, drugs and genes
     * @param dataVersion     the version stamped in the file
     * @param file            the source file
     * @param recommendations its recommendations in file order
     */
    record Guideline(String id, String source, String name, String revision, List<String> drugs, List<String> genes,
                     String fingerprint, String dataVersion, String file, List<Recommendation> recommendations) {
    }

    /**
     * A named allele of a gene file.
     *
     * @param name          allele name as published
     * @param function      clinical function label
     * @param activityValue activity value as published, empty when none
     */
    record Allele(String name, String function, String activityValue) {
    }

    /**
     * A distinct lookup key of a gene file's diplotype table.
     *
     * @param lookupKey the value recommendations are selected by
     * @param phenotype the phenotype (or gene result) it stands for
     * @param scored    true when the diplotypes carry an activity score
     */
    record LookupKey(String lookupKey, String phenotype, boolean scored) {
    }

    /**
     * One gene file.
     *
     * @param gene       gene symbol
     * @param version    the version stamped in the file
     * @param file       the source file
     * @param alleles    named alleles in file order (for files without named alleles: the haplotype function map)
     * @param lookupKeys distinct lookup keys in first-seen order
     */
    record GeneFile(String gene, String version, String file, List<Allele> alleles, List<LookupKey> lookupKeys) {
    }

    /**
     * Reads every guideline annotation of a source set.
     *
     * @param manifest the source manifest
     * @param set      the set id
     * @return the guidelines in manifest order
     */
    static List<Guideline> guidelines(SourceManifest manifest, String set) {
        List<Guideline> out = new ArrayList<>();
        for (SourceManifest.Entry e : manifest.set(set)) {
            JsonNode root = read(manifest, e);
            JsonNode g = root.path("guideline");
            String gid = text(g, "id");
            String source = text(g, "source");
            if (gid.isEmpty() || source.isEmpty()) {
                throw new IllegalArgumentException(e.file() + ": not a guideline annotation (no guideline id/source)");
            }
            List<String> drugs = names(g.path("relatedChemicals"), "name");
            List<String> genes = new ArrayList<>(names(g.path("relatedGenes"), "symbol"));
            genes.sort(null);
            List<Recommendation> recs = new ArrayList<>();
            for (JsonNode r : iterable(root.path("recommendations"))) {
                recs.add(recommendation(r, gid, source, e.file()));
            }
            String revision = text(g, "version");
            String fp = fingerprint(gid, source, text(g, "name"), revision, String.join("|", drugs),
                    String.join("|", genes));
            out.add(new Guideline(gid, source, text(g, "name"), revision, drugs, List.copyOf(genes), fp,
                    text(root, "version"), e.file(), List.copyOf(recs)));
        }
        return out;
    }

    private static Recommendation recommendation(JsonNode r, String gid, String source, String file) {
        String id = text(r, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException(file + ": a recommendation without id");
        }
        SortedMap<String, String> key = new TreeMap<>();
        r.path("lookupKey").properties().forEach(f -> key.put(f.getKey(), lookupValue(f.getValue())));
        List<String> drugs = names(r.path("relatedChemicals"), "name");
        String population = text(r, "population");
        String strength = text(r.path("classification"), "term");
        List<String> implications = new ArrayList<>();
        iterable(r.path("implications")).forEach(i -> implications.add(i.asText()));
        String fp = fingerprint(id, gid, String.join("|", drugs), key.toString(), population, strength,
                text(r.path("text"), "html"), String.join("\n", implications), text(r, "dosingInformation"),
                text(r, "alternateDrugAvailable"), text(r, "otherPrescribingGuidance"));
        return new Recommendation(id, gid, source, drugs, key, population, strength, fp, file);
    }

    /**
     * Reads the gene files of a source set.
     *
     * @param manifest the source manifest
     * @param set      the set id
     * @return gene symbol → file, in manifest order
     */
    static Map<String, GeneFile> geneFiles(SourceManifest manifest, String set) {
        Map<String, GeneFile> out = new LinkedHashMap<>();
        for (SourceManifest.Entry e : manifest.set(set)) {
            JsonNode root = read(manifest, e);
            String gene = text(root, "gene");
            if (gene.isEmpty()) {
                throw new IllegalArgumentException(e.file() + ": not a gene file (no gene)");
            }
            List<Allele> alleles = new ArrayList<>();
            if (root.has("namedAlleles")) {
                for (JsonNode a : iterable(root.path("namedAlleles"))) {
                    alleles.add(new Allele(text(a, "name"), text(a, "functionValue"), text(a, "activityValue")));
                }
            } else {
                JsonNode values = root.path("activityValues");
                root.path("haplotypes").properties().forEach(h -> alleles.add(new Allele(h.getKey(),
                        h.getValue().asText(), text(values, h.getKey()))));
            }
            Map<String, LookupKey> keys = new LinkedHashMap<>();
            for (JsonNode d : iterable(root.path("diplotypes"))) {
                String k = text(d, "lookupkey");
                String phenotype = d.has("phenotype") ? text(d, "phenotype") : text(d, "generesult");
                boolean scored = !text(d, "activityScore").isEmpty();
                LookupKey lk = new LookupKey(k, phenotype, scored);
                LookupKey seen = keys.putIfAbsent(k, lk);
                if (seen != null && !seen.equals(lk)) {
                    throw new IllegalArgumentException(e.file() + ": lookup key '" + k + "' stands for both "
                            + seen.phenotype() + " and " + phenotype);
                }
            }
            if (out.put(gene, new GeneFile(gene, text(root, "version"), e.file(), List.copyOf(alleles),
                    List.copyOf(keys.values()))) != null) {
                throw new IllegalArgumentException(e.file() + ": a second file for " + gene + " in set " + set);
            }
        }
        return out;
    }

    private static JsonNode read(SourceManifest manifest, SourceManifest.Entry e) {
        try {
            return JSON.readTree(manifest.path(e).toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + e.file() + ": " + ex.getMessage(), ex);
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        iterable(array).forEach(n -> out.add(text(n, field)));
        return List.copyOf(out);
    }

    /**
     * A lookup value as text. Most are strings; genotype-specific DPWG rows publish an allele → count object, written
     * here as {@code {'*1': 1.0, '*3': 1.0}} (keys in published order), the form the tables cite in source_key.
     */
    static String lookupValue(JsonNode v) {
        if (!v.isObject()) {
            return v.asText();
        }
        List<String> parts = new ArrayList<>();
        v.properties().forEach(f -> parts.add("'" + f.getKey() + "': " + f.getValue().asText()));
        return "{" + String.join(", ", parts) + "}";
    }

    /** @return the field as text; empty for missing or null */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? "" : v.asText();
    }

    /** @return the first 16 hex characters of the SHA-256 of the parts joined by a unit separator */
    static String fingerprint(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
