package no.pgx.terminology.genomics;

import java.util.Objects;

/**
 * One code of a code system, as read from the bundled tables. Immutable.
 *
 * @param system  code system URI; never null
 * @param code    the code; never null
 * @param display the display text; never null (may be empty)
 */
public record GenomicCode(String system, String code, String display) {
    /**
     * Checks system and code; a null display becomes empty.
     *
     * @param system  code system URI; not null
     * @param code    the code; not null
     * @param display the display text; null becomes empty
     * @throws NullPointerException when {@code system} or {@code code} is null
     */
    public GenomicCode {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        display = display == null ? "" : display;
    }

    /**
     * @param otherSystem a code system URI, compared exactly; may be null
     * @param otherCode   a code, compared exactly (case-sensitive, not trimmed); may be null
     * @return true when this code has the given system and code (exact match; null arguments never match)
     */
    public boolean is(String otherSystem, String otherCode) {
        return system.equals(otherSystem) && code.equals(otherCode);
    }
}
