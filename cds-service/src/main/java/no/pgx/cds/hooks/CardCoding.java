package no.pgx.cds.hooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CDS Hooks / FHIR CardCoding (CDS Hooks 2.0, "Data Types"). Immutable.
 *
 * @param system  code system URI
 * @param code    the code
 * @param display human-readable text; required by the spec for override reasons
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CardCoding(String system, String code, String display) {
    /** @return true when system and code equal the other coding's (display is ignored) */
    public boolean sameCode(CardCoding other) {
        return other != null && java.util.Objects.equals(system, other.system())
                && java.util.Objects.equals(code, other.code());
    }
}
