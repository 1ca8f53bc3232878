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

    private final String gene;
    private final Map<String, Info> byKey;

    private AlleleTable(String gene, Map<String, Info> byKey) {
        this.gene = gene;
        this.byKey = Map.copyOf(byKey);
    }

    /** Builds the tables of every gene from the allele-function and alias tables. */
    static Map<String, AlleleTable> load(CsvTable alleles, CsvTable aliases) {
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
        Map<String, AlleleTable> tables = new HashMap<>();
        exact.forEach((g, names) -> tables.put(g, new AlleleTable(g, withAliases(names))));
        for (CsvTable.Row row : aliases.rows()) {
            AlleleTable t = tables.get(row.require("gene"));
            Info target = t == null ? null : t.byKey.get(key(row.require("allele")));
            if (target == null) {
                throw row.error("alias for unknown allele " + row.get("gene") + " " + row.get("allele"));
            }
            Map<String, Info> map = new HashMap<>(t.byKey);
            map.putIfAbsent(key(row.require("alias")), target);
            tables.put(t.gene, new AlleleTable(t.gene, map));
        }
        return Map.copyOf(tables);
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
        String prefix = gene.toLowerCase(Locale.ROOT);
        if (info == null && k.startsWith(prefix) && k.length() > prefix.length()) {
            String rest = k.substring(prefix.length());
            info = byKey.get(rest.startsWith(":") ? rest.substring(1) : rest);
        }
        return Optional.ofNullable(info);
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
