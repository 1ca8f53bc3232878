package no.pgx.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/** A key file in PEM ({@code jwks-file}) is read without BouncyCastle: the service starts with it. */
class PemTest {

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void anEcP384PublicKeyIsRead() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        JWK key = Pem.publicKey(pem(g.generateKeyPair().getPublic().getEncoded()));

        assertThat(key).isInstanceOf(ECKey.class);
        assertThat(((ECKey) key).getCurve()).isEqualTo(Curve.P_384);
    }

    @Test
    void anRsaPublicKeyIsRead() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        assertThat(Pem.publicKey(pem(g.generateKeyPair().getPublic().getEncoded()))).isInstanceOf(RSAKey.class);
    }

    @Test
    void somethingElseIsRefusedWithAMessage() {
        assertThatThrownBy(() -> Pem.publicKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(JOSEException.class).hasMessageContaining("PUBLIC KEY");
    }
}
