package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: a population a recommendation row may be restricted to, from {@code populations.csv}.
 *
 * @param key     population key ({@code general}, {@code adults}, {@code PHT naive} …); never null
 * @param ageMin  lowest age in whole years, or null when not age-bounded below
 * @param ageMax  highest age in whole years, or null when not age-bounded above
 * @param therapy {@code new} when the population is patients starting the drug, {@code established} when already
 *                taking it, else null
 */
public record PopulationFact(String key, Integer ageMin, Integer ageMax, String therapy) {
    /**
     * Checks the key.
     *
     * @param key     population key; not null
     * @param ageMin  lowest age in whole years, or null
     * @param ageMax  highest age in whole years, or null
     * @param therapy {@code new}, {@code established} or null
     * @throws NullPointerException when {@code key} is null
     */
    public PopulationFact {
        Objects.requireNonNull(key, "key");
    }

    /**
     * @param age the patient's age in whole years, or null when unknown
     * @return true when an age is known and falls outside this population's age bounds (both inclusive); false for
     *         null
     */
    public boolean excludesAge(Integer age) {
        return age != null && ((ageMin != null && age < ageMin) || (ageMax != null && age > ageMax));
    }

    /**
     * @param newStart whether the order is a new start ({@link OrderedDrug#newStart()})
     * @return true when this population is defined by therapy status and the status does not fit
     */
    public boolean excludesTherapy(boolean newStart) {
        return therapy != null && (newStart ? therapy.equals("established") : therapy.equals("new"));
    }
}
