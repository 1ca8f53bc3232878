package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: marks a stage of the evaluation that later rules close. The engine inserts {@code Stage("selection")}; the
 * selection rules that fill gaps ("no matching row") need it, and a rule deletes it once they have run, so that a
 * candidate deleted later by a precedence or visibility rule cannot re-open a gap (Drools re-evaluates {@code not}).
 *
 * @param name the stage name; never null
 */
public record Stage(String name) {
    /** The stage in which rows are matched and gaps filled. */
    public static final String SELECTION = "selection";

    /**
     * Checks the name.
     *
     * @param name the stage name, e.g. {@link #SELECTION}; not null
     * @throws NullPointerException when {@code name} is null
     */
    public Stage {
        Objects.requireNonNull(name, "name");
    }
}
