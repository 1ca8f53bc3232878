package no.pgx.cds.hooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code fhirAuthorization} object of a hook request (CDS Hooks 2.0, "Passing the Access Token"). The token is a
 * secret: {@link #toString()} never shows it and the service never logs it.
 *
 * @param accessToken the OAuth 2.0 bearer token for the client's FHIR server
 * @param tokenType   fixed {@code Bearer}
 * @param expiresIn   lifetime in seconds
 * @param scope       granted scopes
 * @param subject     OAuth client id of this service at the client
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FhirAuthorization(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") Long expiresIn,
                                String scope, String subject) {
    @Override
    public String toString() {
        return "FhirAuthorization[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
