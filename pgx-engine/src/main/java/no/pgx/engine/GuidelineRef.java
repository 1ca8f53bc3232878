package no.pgx.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guideline a finding comes from.
 *
 * @param id      stable guideline id (PharmGKB guideline annotation id, e.g. {@code PA166104948})
 * @param source  {@link GuidelineSource#CPIC} or {@link GuidelineSource#DPWG}
 * @param title   short title written by this project
 * @param version guideline publication/update or data version, as the knowledge base holds it (it may carry notes,
 *                e.g. {@code 2024-04-15 (PharmGKB annotation snapshot; …)}); {@link #displayVersion()} is what a
 *                clinician reads
 * @param url     link to the full guideline
 */
public record GuidelineRef(String id, GuidelineSource source, String title, String version, String url) {
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /**
     * @return the version as a clinician reads it: see {@link #displayVersion(String)}
     */
    public String displayVersion() {
        return displayVersion(version);
    }

    /**
     * A guideline version as a date, without the knowledge base's notes: the longest date in it
     * ({@code 2024-04-15 (PharmGKB annotation snapshot; …)} → {@code 2024-04-15}, {@code 2016 update, published
     * 2017-02} → {@code 2017-02}), else the text before a bracket.
     *
     * @param version a version as the knowledge base holds it, or null
     * @return the version to show; empty for null
     */
    public static String displayVersion(String version) {
        if (version == null) {
            return "";
        }
        Matcher m = DATE.matcher(version);
        String best = null;
        while (m.find()) {
            if (best == null || m.group().length() > best.length()) {
                best = m.group();
            }
        }
        if (best != null) {
            return best;
        }
        int paren = version.indexOf(" (");
        return (paren > 0 ? version.substring(0, paren) : version).strip();
    }
}
