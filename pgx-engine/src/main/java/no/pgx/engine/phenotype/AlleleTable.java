package no.pgx.engine.phenotype;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.pgx.knowledge.CsvTable;

/**
 * The CPIC alleles of one gene with function label and activity value, found by name or alias. Immutable.
 *
 * <p>Names are matched ignoring case and white space. A name of the form {@code X (Y)} ({@code c.1905+1G>A (*2A)}) is
 * also found as {@code X} and as {@code Y}, unless another allele already has that name ({@code c.1129-5923C>G} is its
 * own allele, so it is not an alias of HapB3).
 *
 * <p>Names labs send that are not CPIC spellings come from {@code allele-aliases-lab.csv} ({@link LabName}): tag
 * variants, rsIDs and legacy names are found like aliases; a renamed allele is found under its new name; a retired
 * allele is not found, but {@link #labName(String)} tells the caller what became of it. Genes without a CPIC function
 * table (CYP4F2) get every PharmVar allele from their genotype-fact table, with the genotype label the guideline uses.
 */
final class AlleleTable {
    private static final Pattern PARENTHESISED = Pattern.compile("(.+?)\\s*\\(([^()]+)\\)");

    /**
     * One allele.
     *
     * @param name     CPIC spelling
     * @param function CPIC clinical function label
     * @param value    activity value, or null when the gene has no activity values or the function is uncertain/unknown
     * @param scored   true when the gene uses activity values (then a null value means "n/a")
     */
    record Info(String name, String function, BigDecimal value, boolean scored) {
        boolean unknownActivity() {
            return scored && value == null;
        }
    }

    /** How a lab name relates to the CPIC allele ({@code kind} column of {@code allele-aliases-lab.csv}). */
    enum LabKind {
        /** A variant that stands for a CPIC haplotype (DPYD c.1236G>A for HapB3): resolved, with a note. */
        TAG_VARIANT("tag-variant"),
        /** The variant allele of a dbSNP id: resolved silently. */
        RSID("rsid"),
        /** An older spelling of the same allele: resolved silently. */
        LEGACY_NAME("legacy-name"),
        /** PharmVar gave the allele a new name: resolved to the new name, with a warning. */
        RENAMED("renamed"),
        /** No longer a defined allele: not resolved; the caller reports it. */
        RETIRED("retired");

        final String label;

        LabKind(String label) {
            this.label = label;
        }

        static LabKind of(CsvTable.Row row) {
            String v = row.require("kind");
            for (LabKind k : values()) {
                if (k.label.equals(v)) {
                    return k;
                }
            }
            throw row.error("kind '" + v + "' is not one of tag-variant, rsid, legacy-name, renamed, retired");
        }
    }

    /**
     * A name labs send for an allele of this gene.
     *
     * @param alias  the name as written in the table
     * @param allele the CPIC allele it stands for (for a retired name: the probable successor, or null)
     * @param kind   how the name relates to the allele
     */
    record LabName(String alias, String allele, LabKind kind) {
        /** @return true when the name is resolved to {@link #allele()} */
        boolean resolves() {
            return kind != LabKind.RETIRED;
        }
    }

    private final String gene;
    private final Map<String, Info> byKey;
    private final Map<String, LabName> labNames;
    private final Map<String, String> alleleNotes;

    private AlleleTable(String gene, Map<String, Info> byKey, Map<String, LabName> labNames,
            Map<String, String> alleleNotes) {
        this.gene = gene;
        this.byKey = Map.copyOf(byKey);
        this.labNames = Map.copyOf(labNames);
        this.alleleNotes = Map.copyOf(alleleNotes);
    }

    /** Builds the tables of every gene from the allele-function and alias tables. */
    static Map<String, AlleleTable> load(CsvTable alleles, CsvTable aliases) {
        return load(alleles, aliases, null, null);
    }

    /**
     * Builds the tables of every gene.
     *
     * @param alleles       CPIC allele function ({@code allele_function.csv})
     * @param aliases       other CPIC spellings ({@code allele_aliases.csv})
     * @param labAliases    names labs send ({@code allele-aliases-lab.csv}), or null
     * @param genotypeFacts every PharmVar allele of a gene without a CPIC function table with the genotype label it
     *                      stands for ({@code cyp4f2-alleles.csv}), or null
     */
    static Map<String, AlleleTable> load(CsvTable alleles, CsvTable aliases, CsvTable labAliases,
            CsvTable genotypeFacts) {
        Map<String, Map<String, Info>> exact = new HashMap<>();
        for (CsvTable.Row row : alleles.rows()) {
            String g = row.require("gene");
            String v = row.getOrNull("activity_value");
            BigDecimal value = v == null || v.equals("n/a") ? null : parse(row, v);
            Info info = new Info(row.require("allele"), row.require("function"), value, v != null);
            if (exact.computeIfAbsent(g, k -> new HashMap<>()).put(key(info.name()), info) != null) {
                throw row.error("duplicate allele " + g + " " + info.name());
            }
        }
        Map<String, Map<String, String>> notes = new HashMap<>();
        if (genotypeFacts != null) {
            addGenotypeFacts(genotypeFacts, exact, notes);
        }
        Map<String, Map<String, Info>> maps = new HashMap<>();
        exact.forEach((g, names) -> maps.put(g, withAliases(names)));
        for (CsvTable.Row row : aliases.rows()) {
            Map<String, Info> map = maps.get(row.require("gene"));
            Info target = map == null ? null : map.get(key(row.require("allele")));
            if (target == null) {
                throw row.error("alias for unknown allele " + row.get("gene") + " " + row.get("allele"));
            }
            map.putIfAbsent(key(row.require("alias")), target);
        }
        Map<String, Map<String, LabName>> lab = new HashMap<>();
        if (labAliases != null) {
            addLabNames(labAliases, maps, lab);
        }
        Map<String, AlleleTable> tables = new HashMap<>();
        maps.forEach((g, map) -> tables.put(g, new AlleleTable(g, map, lab.getOrDefault(g, Map.of()),
                notes.getOrDefault(g, Map.of()))));
        return Map.copyOf(tables);
    }

    private static void addGenotypeFacts(CsvTable facts, Map<String, Map<String, Info>> exact,
            Map<String, Map<String, String>> notes) {
        for (CsvTable.Row row : facts.rows()) {
            String g = row.require("gene");
            Map<String, Info> names = exact.get(g);
            if (names == null) {
                throw row.error("gene " + g + " has no allele in allele_function.csv");
            }
            String allele = row.require("allele");
            String function = row.require("function");
            Info present = names.get(key(allele));
            if (present != null) {
                if (!present.function().equals(function)) {
                    throw row.error(g + " " + allele + ": function '" + function + "' differs from allele_function.csv ('"
                            + present.function() + "')");
                }
            } else {
                names.put(key(allele), new Info(allele, function, null, false));
            }
            if ("unknown".equals(row.require("carries_rs2108622"))) {
                notes.computeIfAbsent(g, k -> new HashMap<>()).put(key(allele), g + ": whether " + allele
                        + " carries rs2108622 T (p.V433M, the *3 variant the warfarin guideline uses) is not known; the "
                        + g + " result is Indeterminate. Ask the laboratory for the rs2108622 genotype");
            }
        }
    }

    private static void addLabNames(CsvTable table, Map<String, Map<String, Info>> maps,
            Map<String, Map<String, LabName>> lab) {
        for (CsvTable.Row row : table.rows()) {
            String g = row.require("gene");
            Map<String, Info> map = maps.get(g);
            if (map == null) {
                throw row.error("gene " + g + " has no CPIC allele table");
            }
            LabKind kind = LabKind.of(row);
            String alias = row.require("alias");
            String allele = row.getOrNull("allele");
            Info target = allele == null ? null : map.get(key(allele));
            if (allele != null && target == null) {
                throw row.error(g + " " + alias + ": allele '" + allele + "' is not a CPIC allele of " + g);
            }
            if (kind != LabKind.RETIRED && target == null) {
                throw row.error(g + " " + alias + ": a " + kind.label + " name needs the allele it stands for");
            }
            String k = key(alias);
            Info existing = map.get(k);
            if (existing != null && (kind == LabKind.RETIRED || existing != target)) {
                throw row.error(g + " " + alias + " is already the name of " + existing.name()
                        + "; a lab name must not change what a CPIC name means");
            }
            if (lab.computeIfAbsent(g, x -> new HashMap<>()).put(k, new LabName(alias,
                    target == null ? null : target.name(), kind)) != null) {
                throw row.error("duplicate lab name " + g + " " + alias);
            }
            if (kind != LabKind.RETIRED) {
                map.putIfAbsent(k, target);
            }
        }
    }

    private static Map<String, Info> withAliases(Map<String, Info> exact) {
        Map<String, Info> map = new HashMap<>(exact);
        Map<String, Info> aliases = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Info info : exact.values()) {
            Matcher m = PARENTHESISED.matcher(info.name());
            if (m.matches()) {
                for (String alias : new String[] {m.group(1), m.group(2)}) {
                    String k = key(alias);
                    Info previous = aliases.putIfAbsent(k, info);
                    if (previous != null && previous != info) {
                        ambiguous.add(k);
                    }
                }
            }
        }
        ambiguous.forEach(aliases::remove);
        aliases.forEach(map::putIfAbsent);
        return map;
    }

    /** @return the allele, or empty when the name is not a CPIC allele of this gene */
    Optional<Info> find(String name) {
        String k = key(name);
        Info info = byKey.get(k);
        if (info == null) {
            String rest = withoutGenePrefix(k);
            info = rest == null ? null : byKey.get(rest);
        }
        return Optional.ofNullable(info);
    }

    /** @return the lab name entry for this name (also for a name found through it), or empty */
    Optional<LabName> labName(String name) {
        String k = key(name);
        LabName lab = labNames.get(k);
        if (lab == null && !byKey.containsKey(k)) {
            String rest = withoutGenePrefix(k);
            lab = rest == null ? null : labNames.get(rest);
        }
        return Optional.ofNullable(lab);
    }

    /** @return a note to show whenever this allele is called (e.g. a genotype fact that is not known), or empty */
    Optional<String> note(Info info) {
        return Optional.ofNullable(alleleNotes.get(key(info.name())));
    }

    private String withoutGenePrefix(String k) {
        String prefix = gene.toLowerCase(Locale.ROOT);
        if (k.startsWith(prefix) && k.length() > prefix.length()) {
            String rest = k.substring(prefix.length());
            return rest.startsWith(":") ? rest.substring(1) : rest;
        }
        return null;
    }

    /** Lookup key: the name without white space, lower case (hot path: no regular expression). */
    static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static BigDecimal parse(CsvTable.Row row, String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw row.error("activity_value is not a number: '" + v + "'");
        }
    }
}
