package no.pgx.engine.phenoconversion;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import no.pgx.engine.PgxException;

/**
 * The versioned phenoconversion policy ({@code policy.csv} with {@code score-bands.csv} and {@code class-ladder.csv}):
 * which action a perpetrator of a given effect and strength has on a gene. Immutable and thread-safe.
 */
final class Policy {
    static final String RESOURCE = "no/pgx/knowledge/phenoconversion/policy.csv";
    private static final List<String> COLUMNS = List.of("gene", "effect", "strength", "action", "value");

    /** What a rule does to the genotype-predicted result. */
    enum Action {
        SCALE_ACTIVITY_SCORE("scale-activity-score"),
        SET_PHENOTYPE("set-phenotype"),
        SHIFT_CLASS("shift-class"),
        NONE("none");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        static Action parse(String value) {
            for (Action a : values()) {
                if (a.label.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return a;
                }
            }
            return null;
        }
    }

    /**
     * One policy row.
     *
     * @param factor  for {@link Action#SCALE_ACTIVITY_SCORE}, else null
     * @param target  for {@link Action#SET_PHENOTYPE}, else null
     * @param classes for {@link Action#SHIFT_CLASS} (negative = down), else 0
     */
    record Rule(String gene, Effect effect, Strength strength, Action action, BigDecimal factor, String target,
                int classes) {
        boolean applies() {
            return action != Action.NONE;
        }
    }

    private final String version;
    private final Map<String, Rule> rules;
    private final ScoreBands bands;
    private final ClassLadder ladder;

    private Policy(String version, Map<String, Rule> rules, ScoreBands bands, ClassLadder ladder) {
        this.version = version;
        this.rules = Map.copyOf(rules);
        this.bands = bands;
        this.ladder = ladder;
    }

    /**
     * Loads and cross-checks the three policy files.
     *
     * @throws PgxException when a file is missing or inconsistent (names the file, line and column)
     */
    static Policy load(ClassLoader loader) {
        ScoreBands bands = ScoreBands.load(loader);
        ClassLadder ladder = ClassLadder.load(loader);
        KnowledgeTable csv = KnowledgeTable.read(loader, RESOURCE, COLUMNS);
        Map<String, Rule> rules = new HashMap<>();
        for (KnowledgeTable.Row row : csv.rows()) {
            Rule rule = parse(row, bands, ladder);
            if (rules.put(key(rule.gene(), rule.effect(), rule.strength()), rule) != null) {
                throw row.fail("duplicate rule for " + rule.gene() + " " + rule.strength().label() + " "
                        + rule.effect().label());
            }
        }
        return new Policy(csv.requiredMetadata("version"), rules, bands, ladder);
    }

    private static Rule parse(KnowledgeTable.Row row, ScoreBands bands, ClassLadder ladder) {
        String gene = row.required("gene").toUpperCase(Locale.ROOT);
        Effect effect = Effect.parse(row.required("effect"));
        Strength strength = Strength.parse(row.required("strength"));
        Action action = Action.parse(row.required("action"));
        if (effect == null || strength == null || action == null) {
            throw row.fail("unknown effect, strength or action");
        }
        return switch (action) {
            case SCALE_ACTIVITY_SCORE -> scaleRule(row, gene, effect, strength, bands);
            case SET_PHENOTYPE -> new Rule(gene, effect, strength, action, null, row.required("value"), 0);
            case SHIFT_CLASS -> shiftRule(row, gene, effect, strength, ladder);
            case NONE -> new Rule(gene, effect, strength, action, null, null, 0);
        };
    }

    private static Rule scaleRule(KnowledgeTable.Row row, String gene, Effect effect, Strength strength, ScoreBands bands) {
        if (!bands.genes().contains(gene)) {
            throw row.fail("scale-activity-score needs score bands for " + gene + " in " + ScoreBands.RESOURCE);
        }
        BigDecimal factor;
        try {
            factor = new BigDecimal(row.required("value"));
        } catch (NumberFormatException e) {
            throw row.fail("value must be a number: '" + row.get("value") + "'");
        }
        if (factor.signum() < 0) {
            throw row.fail("value must not be negative: " + factor);
        }
        return new Rule(gene, effect, strength, Action.SCALE_ACTIVITY_SCORE, factor, null, 0);
    }

    private static Rule shiftRule(KnowledgeTable.Row row, String gene, Effect effect, Strength strength,
                                  ClassLadder ladder) {
        int classes;
        try {
            classes = Integer.parseInt(row.required("value").replace("+", ""));
        } catch (NumberFormatException e) {
            throw row.fail("value must be a whole number of classes: '" + row.get("value") + "'");
        }
        if (!ladder.knows(gene, "Normal Metabolizer")) {
            throw row.fail("shift-class needs class steps for " + gene + " in " + ClassLadder.RESOURCE);
        }
        return new Rule(gene, effect, strength, Action.SHIFT_CLASS, null, null, classes);
    }

    private static String key(String gene, Effect effect, Strength strength) {
        return gene + "|" + effect + "|" + strength;
    }

    /** @return the rule for this gene, effect and strength; empty means "not applied" */
    Optional<Rule> rule(String gene, Effect effect, Strength strength) {
        return Optional.ofNullable(rules.get(key(gene.toUpperCase(Locale.ROOT), effect, strength)));
    }

    String version() {
        return version;
    }

    ScoreBands bands() {
        return bands;
    }

    ClassLadder ladder() {
        return ladder;
    }
}
