package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: a drug being assessed.
 *
 * <p>Besides the drugs being ordered (and current medication re-assessed because a perpetrator is ordered), the engine
 * inserts every alternative the ordered drugs' rows, scopes or interaction advice may name as a <em>probe</em>: its own
 * recommendation rows fire for the patient's results, so that the alternative rules can flag an alternative the
 * patient's genotype makes risky. A probe never becomes a finding.
 *
 * @param drug       English INN, lower case, as in the knowledge tables; never null
 * @param newStart   true when the patient does not already take the drug (it is not on the current medication list)
 * @param probe      true when the drug is evaluated only to check it as an alternative
 * @param population the recommendation population of this order ({@code cvi-acs-pci} …), from the request or from the
 *                   order's indication; null when unknown
 * @param indication the condition id the order is for ({@code acs}, {@code depression} …), or null when unknown
 * @param daysTaken  how many days before the order date the patient started the drug (from the medication start
 *                   date), or null when the patient does not take it or the start date is unknown
 * @param monthsTaken how many whole calendar months lie between the start date and the order date, plus one when
 *                   some days more have passed (so "more than three months" is {@code monthsTaken > 3}: a start on
 *                   4 September and an order on 4 December is exactly three months, not more); null when unknown
 */
public record OrderedDrug(String drug, boolean newStart, boolean probe, String population, String indication,
                          Integer daysTaken, Integer monthsTaken) {
    /**
     * Checks the drug.
     *
     * @param drug        English INN, lower case; not null
     * @param newStart    whether the patient does not already take the drug
     * @param probe       whether the drug is only checked as an alternative
     * @param population  the order's recommendation population, or null
     * @param indication  the order's condition id, or null
     * @param daysTaken   days since the patient started the drug, or null
     * @param monthsTaken months since the patient started the drug (rounded up), or null
     * @throws NullPointerException when {@code drug} is null
     */
    public OrderedDrug {
        Objects.requireNonNull(drug, "drug");
    }

    /**
     * A drug being ordered, without order context (not a probe; population, indication and start unknown).
     *
     * @param drug     English INN, lower case; not null
     * @param newStart whether the patient does not already take the drug
     * @throws NullPointerException when {@code drug} is null
     */
    public OrderedDrug(String drug, boolean newStart) {
        this(drug, newStart, false, null, null, null, null);
    }

    /**
     * @param drug the alternative, English INN, lower case; not null
     * @return a probe for an alternative (a new start, no order context)
     * @throws NullPointerException when {@code drug} is null
     */
    public static OrderedDrug probe(String drug) {
        return new OrderedDrug(drug, true, true, null, null, null, null);
    }

    /**
     * @param months a number of months (see {@link #monthsTaken()} for how months are counted)
     * @return true when the start date shows that the patient has taken the drug for more than {@code months} months;
     *         false when the start is unknown
     */
    public boolean takenLongerThanMonths(int months) {
        return monthsTaken != null && monthsTaken > months;
    }

    /**
     * @param days a number of days
     * @return true when the start date shows that the patient has taken the drug for more than {@code days} days;
     *         false when the start is unknown
     */
    public boolean takenLongerThan(int days) {
        return daysTaken != null && daysTaken > days;
    }

    /** @return true when the order's indication is known */
    public boolean indicationKnown() {
        return indication != null;
    }
}
