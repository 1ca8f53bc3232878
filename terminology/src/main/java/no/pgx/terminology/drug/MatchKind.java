package no.pgx.terminology.drug;

/** How a {@link DrugMatch} was found. */
public enum MatchKind {
    /** A single-substance ATC code (systemic, local-form or legacy code of the substance). */
    ATC,
    /** An ATC code of a combination product; the match lists each catalog ingredient. */
    ATC_COMBINATION,
    /** An RxNorm ingredient (IN) concept. */
    RXNORM_INGREDIENT,
    /** An RxNorm clinical drug (SCD) from the bundled product table. */
    RXNORM_PRODUCT,
    /** A SNOMED CT substance code. */
    SNOMED,
    /** The whole input is a drug name or synonym (English or Norwegian). */
    NAME,
    /** Drug names found inside free text (product names, coding displays, order text). */
    TEXT,
    /** A Norwegian trade name (also inside product text such as "Marevan 2,5 mg tabletter"); its catalog ingredients. */
    TRADE_NAME,
    /** Nothing in the catalog matched; the match carries a message that names the input. */
    UNRESOLVED
}
