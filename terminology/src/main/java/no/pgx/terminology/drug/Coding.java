package no.pgx.terminology.drug;

/**
 * A code from a code system, shaped like a FHIR {@code Coding}: the system URI, the code and an optional display
 * text. Any component may be {@code null} or blank; the catalog treats a coding without a known system as a plain
 * code (tries ATC, RxNorm, SNOMED CT and the drug names on it).
 *
 * <p>Immutable and thread-safe.
 *
 * @param system  code system URI, e.g. {@link #ATC}; may be {@code null}
 * @param code    the code, e.g. {@code B01AC04}; may be {@code null}
 * @param display human-readable text of the code, e.g. {@code clopidogrel 75 MG Oral Tablet}; may be {@code null}
 */
public record Coding(String system, String code, String display) {

    /** WHO ATC classification. */
    public static final String ATC = "http://www.whocc.no/atc";
    /** RxNorm (NLM). */
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    /** SNOMED CT. */
    public static final String SNOMED = "http://snomed.info/sct";
    /** EDQM Standard Terms (routes and dose forms in European product data). */
    public static final String EDQM = "http://standardterms.edqm.eu";

    /**
     * A coding in the given system without display text.
     *
     * @param system code system URI, e.g. {@link #ATC}; may be {@code null}
     * @param code   the code; may be {@code null}
     * @return the coding, with a {@code null} display
     */
    public static Coding of(String system, String code) {
        return new Coding(system, code, null);
    }

    /**
     * A coding that carries only display text (no system, no code), like a CodeableConcept with only text.
     *
     * @param display the text, e.g. a product name; may be {@code null}
     * @return the coding, with {@code null} system and code
     */
    public static Coding text(String display) {
        return new Coding(null, null, display);
    }
}
