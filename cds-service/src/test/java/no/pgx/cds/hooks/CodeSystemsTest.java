package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.pgx.cds.system.CdsProperties;

/**
 * The card topic and override-reason code systems live in a namespace the deployer sets; the default is the RFC 6963
 * example namespace, a placeholder that can clash with no one's; a setting that is not an absolute URI stops the
 * service with a message naming the property.
 */
class CodeSystemsTest {

    private static CodeSystems systems(String base, String topic, String override) {
        return new CodeSystems(new CdsProperties("nb", new CdsProperties.Cards("info", base, "PGx", List.of(), topic,
                override, false), new CdsProperties.Cors(List.of(), 0)));
    }

    @Test
    void theDefaultIsThePlaceholderExampleNamespace() {
        CodeSystems s = systems(CodeSystems.PLACEHOLDER_BASE, "", "");

        assertThat(s.cardTopic()).isEqualTo("urn:example:pgx-cds:card-topic");
        assertThat(s.overrideReason()).isEqualTo("urn:example:pgx-cds:override-reason");
    }

    @Test
    void anHttpsNamespaceGetsPathSegmentsAndLosesATrailingSlash() {
        CodeSystems s = systems("https://fhir.example-hospital.no/CodeSystem/pgx/", "", "");

        assertThat(s.cardTopic()).isEqualTo("https://fhir.example-hospital.no/CodeSystem/pgx/card-topic");
        assertThat(s.overrideReason()).isEqualTo("https://fhir.example-hospital.no/CodeSystem/pgx/override-reason");
    }

    @Test
    void systemsNamedInFullWin() {
        CodeSystems s = systems("urn:oid:2.16.578.1.99", "urn:oid:2.16.578.1.99.1", "urn:oid:2.16.578.1.99.2");

        assertThat(s.cardTopic()).isEqualTo("urn:oid:2.16.578.1.99.1");
        assertThat(s.overrideReason()).isEqualTo("urn:oid:2.16.578.1.99.2");
    }

    @Test
    void anOidNamespaceWithoutTheSystemsNamedIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> systems("urn:oid:2.16.578.1.99", "", ""))
                .hasMessageContaining("pgx.cards.card-topic-system");
    }

    @Test
    void aNamespaceThatIsNotAnAbsoluteUriIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> systems("pgx codes", "", "")).hasMessageContaining("pgx.cards.code-system-base")
                .hasMessageContaining("pgx codes");
        assertThatThrownBy(() -> systems("https://x.example/cs?v=1", "", ""))
                .hasMessageContaining("pgx.cards.code-system-base");
        assertThatThrownBy(() -> systems("urn:example:pgx", "", "not a uri"))
                .hasMessageContaining("pgx.cards.override-reason-system");
    }
}
