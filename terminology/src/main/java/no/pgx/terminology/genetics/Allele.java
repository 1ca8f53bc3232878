package no.pgx.terminology.genetics;

import java.util.Objects;

/**
 * One allele on a haplotype, with its copy number.
 *
 * <p>CPIC writes three or more copies as {@code x≥3}; {@code xN} means duplicated with an unstated copy number (at least
 * two). A known exact number stays exact ({@code *2x3} is three copies, not "three or more").
 *
 * @param name       allele name without copy number, in canonical spelling ({@code *2}, {@code *57:01},
 *                   {@code c.1905+1G>A (*2A)}, {@code Reference}); never null
 * @param copies     number of copies (at least 1); for {@link CopyNumber#AT_LEAST} the lower bound, for
 *                   {@link CopyNumber#UNSPECIFIED} 2 (the lower bound of a duplication)
 * @param copyNumber how the copy number was stated
 */
public record Allele(String name, int copies, CopyNumber copyNumber) {
    /** How a copy number was stated. */
    public enum CopyNumber {
        /** An exact number (1 when no copy number was written). */
        EXACT,
        /** A lower bound ({@code x≥3}). */
        AT_LEAST,
        /** Duplicated, number not stated ({@code xN}); at least two copies. */
        UNSPECIFIED
    }

    /**
     * Checks the components.
     *
     * @param name       allele name without copy number; not null
     * @param copies     number of copies, at least 1
     * @param copyNumber how the copy number was stated; not null
     * @throws NullPointerException     when {@code name} or {@code copyNumber} is null
     * @throws IllegalArgumentException when {@code copies} is less than 1
     */
    public Allele {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(copyNumber, "copyNumber");
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1: " + copies);
        }
    }

    /**
     * @param name allele name in canonical spelling; not null
     * @return a single copy of the named allele
     * @throws NullPointerException when {@code name} is null
     */
    public static Allele of(String name) {
        return new Allele(name, 1, CopyNumber.EXACT);
    }

    /**
     * @param newName the new allele name; not null
     * @return a copy of this allele with another name (same copy number)
     * @throws NullPointerException when {@code newName} is null
     */
    public Allele withName(String newName) {
        return new Allele(newName, copies, copyNumber);
    }

    /** @return true when more than one copy is stated or implied */
    public boolean isMultiCopy() {
        return copies > 1 || copyNumber != CopyNumber.EXACT;
    }

    /** @return CPIC spelling: {@code *2}, {@code *2x2}, {@code *2x≥3}, {@code *2xN} */
    @Override
    public String toString() {
        return switch (copyNumber) {
            case EXACT -> copies == 1 ? name : name + "x" + copies;
            case AT_LEAST -> name + "x≥" + copies;
            case UNSPECIFIED -> name + "xN";
        };
    }
}
