package no.pgx.engine.phenoconversion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import no.pgx.engine.PgxException;

/**
 * The perpetrator table ({@code cyp-modulators.csv}, bundled by pgx-rules), indexed by drug id, Norwegian name and ATC
 * code. Immutable and thread-safe.
 */
final class ModulatorTable {
    /** Class-path location of the table (module pgx-rules). */
    static final String RESOURCE = "no/pgx/knowledge/phenoconversion/cyp-modulators.csv";
    /** Confidence values the table may use. */
    static final Set<String> CONFIDENCE = Set.of("source-checked", "source-partial", "recall-unverified");

    private static final Pattern ENZYME = Pattern.compile("CYP\\d[A-Z]\\d{1,2}");
    private static final Pattern ATC = Pattern.compile("[A-Z]\\d{2}[A-Z]{2}\\d{2}");
    private static final List<String> COLUMNS = List.of("enzyme", "drug", "name_nb", "atc", "effect", "strength",
            "washout_days", "source", "note", "confidence");

    private final String version;
    private final List<Modulator> modulators;
    private final Map<String, List<Modulator>> byKey;

    private ModulatorTable(String version, List<Modulator> modulators) {
        this.version = version;
        this.modulators = List.copyOf(modulators);
        Map<String, List<Modulator>> index = new HashMap<>();
        for (Modulator m : modulators) {
            for (String key : keys(m)) {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byKey = Map.copyOf(index);
    }

    /**
     * Loads and validates the table.
     *
     * @throws PgxException when it is missing or a row is invalid (the message names the line and column)
     */
    static ModulatorTable load(ClassLoader loader) {
        KnowledgeTable csv = KnowledgeTable.read(loader, RESOURCE, COLUMNS);
        csv.requiredMetadata("source");
        csv.requiredMetadata("licence");
        String version = csv.requiredMetadata("version");
        List<Modulator> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (KnowledgeTable.Row row : csv.rows()) {
            Modulator m = parse(row);
            if (!seen.add(m.enzyme() + "|" + m.drug())) {
                throw row.fail("duplicate row for " + m.enzyme() + " and " + m.drug());
            }
            rows.add(m);
        }
        return new ModulatorTable(version, rows);
    }

    private static Modulator parse(KnowledgeTable.Row row) {
        String enzyme = row.required("enzyme");
        if (!ENZYME.matcher(enzyme).matches()) {
            throw row.fail("unknown enzyme '" + enzyme + "'");
        }
        String drug = row.required("drug");
        if (!drug.equals(drug.toLowerCase(Locale.ROOT))) {
            throw row.fail("drug id must be lower case: '" + drug + "'");
        }
        Effect effect = Effect.parse(row.required("effect"));
        if (effect == null) {
            throw row.fail("effect must be inhibitor or inducer: '" + row.get("effect") + "'");
        }
        Strength strength = Strength.parse(row.required("strength"));
        if (strength == null) {
            throw row.fail("strength must be strong, moderate or weak: '" + row.get("strength") + "'");
        }
        String confidence = row.required("confidence");
        if (!CONFIDENCE.contains(confidence)) {
            throw row.fail("unknown confidence '" + confidence + "'");
        }
        return new Modulator(enzyme, drug, row.get("name_nb").toLowerCase(Locale.ROOT), atcCodes(row), effect,
                strength, washout(row), row.required("source"), row.get("note"), confidence);
    }

    private static List<String> atcCodes(KnowledgeTable.Row row) {
        String atc = row.get("atc");
        if (atc.isEmpty()) {
            return List.of();
        }
        List<String> codes = Arrays.stream(atc.split("\\|")).map(String::trim).toList();
        for (String code : codes) {
            if (!ATC.matcher(code).matches()) {
                throw row.fail("not a 7-character ATC code: '" + code + "'");
            }
        }
        return codes;
    }

    private static Integer washout(KnowledgeTable.Row row) {
        String days = row.get("washout_days");
        if (days.isEmpty()) {
            return null;
        }
        try {
            int d = Integer.parseInt(days);
            if (d <= 0) {
                throw row.fail("washout_days must be a positive number of days: '" + days + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw row.fail("washout_days must be a whole number of days: '" + days + "'");
        }
    }

    private static Set<String> keys(Modulator m) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(normalise(m.drug()));
        if (!m.nameNb().isEmpty()) {
            keys.add(normalise(m.nameNb()));
        }
        m.atc().forEach(code -> keys.add(normalise(code)));
        return keys;
    }

    /** Normalises a drug id, Norwegian name or ATC code for matching: trimmed, single spaces, lower case. */
    static String normalise(String value) {
        return value == null ? "" : value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** @return every row (for every enzyme) matching a drug id, Norwegian name or ATC code; empty when none */
    List<Modulator> find(String drugOrCode) {
        return byKey.getOrDefault(normalise(drugOrCode), List.of());
    }

    /** @return the distinct rows matching any of the given drug ids or codes, in table order */
    List<Modulator> findAll(Collection<String> drugsOrCodes) {
        Set<Modulator> found = new HashSet<>();
        for (String d : drugsOrCodes) {
            if (d != null) {
                found.addAll(find(d));
            }
        }
        return modulators.stream().filter(found::contains).toList();
    }

    String version() {
        return version;
    }

    List<Modulator> all() {
        return modulators;
    }
}
