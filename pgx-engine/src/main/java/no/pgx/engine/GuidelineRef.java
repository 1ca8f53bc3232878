package no.pgx.engine;

/**
 * The guideline a finding comes from.
 *
 * @param id      stable guideline id (PharmGKB guideline annotation id, e.g. {@code PA166104948})
 * @param source  {@link GuidelineSource#CPIC} or {@link GuidelineSource#DPWG}
 * @param title   short title written by this project
 * @param version guideline publication/update or data version
 * @param url     link to the full guideline
 */
public record GuidelineRef(String id, GuidelineSource source, String title, String version, String url) {
}
