package no.pgx.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import no.pgx.knowledge.CsvTable;

/**
 * A population a recommendation applies to ({@code general}, {@code adults}, {@code cvi-acs-pci},
 * {@code carbamazepine-naive} …), with its label in English and Bokmål.
 *
 * <p>The valid ids are those of {@link #known()} (also {@link PgxEngine#populations()}); use them for
 * {@link AssessmentRequest.Builder#population(String)}.
 *
 * @param id    stable id as used in the knowledge tables and the output; never null
 * @param label the population in words (English and Bokmål), or null when not known
 */
public record Population(String id, LocalizedText label) {
    /** The id of the population "all patients", which every DPWG recommendation applies to. */
    public static final String GENERAL = "general";

    private static final String TABLE = "no/pgx/knowledge/guidelines/populations.csv";

    /**
     * Checks the id. Any id is accepted here; the valid ids are those of {@link #known()}.
     *
     * @param id    stable id; not null
     * @param label the population in words, or null
     * @throws NullPointerException when {@code id} is null
     */
    public Population {
        Objects.requireNonNull(id, "id");
    }

    /** @return every population of the bundled knowledge, in the order of its table ({@code general} first) */
    public static List<Population> known() {
        return Known.ALL;
    }

    /**
     * @param id a population id ({@code adults})
     * @return the known population with that id, or empty
     */
    public static Optional<Population> byId(String id) {
        return Known.ALL.stream().filter(p -> p.id.equals(id)).findFirst();
    }

    /** Read once, on first use. */
    private static final class Known {
        static final List<Population> ALL = load();

        private static List<Population> load() {
            List<Population> all = new ArrayList<>();
            for (CsvTable.Row r : CsvTable.readResource(TABLE, Population.class.getClassLoader()).rows()) {
                all.add(new Population(r.require("key"), new LocalizedText(r.require("en"), r.require("nb"))));
            }
            return Collections.unmodifiableList(all);
        }
    }
}
