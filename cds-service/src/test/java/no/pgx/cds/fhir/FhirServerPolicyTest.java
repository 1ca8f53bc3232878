package no.pgx.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which FHIR servers get the client's token: parsed URLs compared by scheme, host, port and path. */
class FhirServerPolicyTest {

    private static FhirServerPolicy policy(boolean privateAllowed, String... allowed) {
        return new FhirServerPolicy(new FhirProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(8), 5_000_000, 5, 8, List.of(allowed), privateAllowed, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ehr.example.org@evil.example.com/fhir", "https://user:pw@ehr.example.org/fhir",
            "https://ehr.example.org.evil.example.com/fhir", "https://ehr.example.org:8443/fhir",
            "http://ehr.example.org/fhir", "https://ehr.example.org/fhir-other", "https://ehr.example.org/",
            "https://ehr.example.org/fhir/../admin", "ftp://ehr.example.org/fhir", "https:///fhir"})
    void onlyTheAllowedServerPasses(String url) {
        FhirServerPolicy p = policy(false, "https://ehr.example.org/fhir");
        assertThatThrownBy(() -> p.check(url)).as(url).isInstanceOf(FhirFetchException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ehr.example.org/fhir", "https://EHR.example.org:443/fhir/",
            "https://ehr.example.org/fhir/r4", "https://ehr.example.org./fhir"})
    void theAllowedServerPassesInAnySpelling(String url) throws Exception {
        FhirServerPolicy p = policy(false, "https://ehr.example.org/fhir");
        assertThat(p.check(url).base()).startsWith("https://ehr.example.org/fhir");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/fhir", "http://localhost/fhir", "http://[::1]/fhir",
            "http://169.254.169.254/latest", "http://10.1.2.3/fhir", "http://172.16.0.1/fhir", "http://192.168.1.1/fhir",
            "http://100.64.0.1/fhir", "http://0.0.0.0/fhir", "http://[fd00::1]/fhir", "http://[fe80::1]/fhir"})
    void withoutAnAllowListLocalAndPrivateAddressesAreRefused(String url) {
        FhirServerPolicy p = policy(false);
        assertThatThrownBy(() -> p.check(url)).as(url).isInstanceOf(FhirFetchException.class);
    }

    @Test
    void withoutAnAllowListAPublicAddressPasses() throws Exception {
        assertThat(policy(false).check("https://8.8.8.8/fhir").host()).isEqualTo("8.8.8.8");
        assertThat(FhirServerPolicy.isPublic(InetAddress.getByName("2001:4860:4860::8888"))).isTrue();
    }

    @Test
    void privateAddressesPassWhenConfigured() throws Exception {
        assertThat(policy(true).check("http://127.0.0.1:8080/fhir").port()).isEqualTo(8080);
    }

    @Test
    void nextLinksMustStayOnTheServer() throws Exception {
        FhirServerPolicy.Server base = FhirServerPolicy.parse("https://ehr.example.org/fhir");
        assertThat(FhirServerPolicy.sameServer(base, "https://ehr.example.org/fhir?_getpages=abc")).isTrue();
        assertThat(FhirServerPolicy.sameServer(base, "https://ehr.example.org/fhir/Observation?page=2")).isTrue();
        assertThat(FhirServerPolicy.sameServer(base, "https://ehr.example.org@evil.example.com/fhir?p=2")).isFalse();
        assertThat(FhirServerPolicy.sameServer(base, "https://ehr.example.org.evil.example.com/fhir")).isFalse();
        assertThat(FhirServerPolicy.sameServer(base, "http://ehr.example.org/fhir?p=2")).isFalse();
    }

    @Test
    void anUnusableAllowListEntryStopsTheStart() {
        assertThatThrownBy(() -> policy(false, "https://user@ehr.example.org/fhir"))
                .isInstanceOf(IllegalStateException.class);
    }
}
