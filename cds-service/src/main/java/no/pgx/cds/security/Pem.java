package no.pgx.cds.security;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Reads a client's public key from PEM ({@code PUBLIC KEY} or {@code CERTIFICATE}) with the JDK alone (Nimbus' own
 * PEM reader needs BouncyCastle, which the service does not ship).
 */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Pem() {
    }

    /** @throws JOSEException when the text holds no usable EC or RSA public key or certificate */
    static JWK publicKey(String pem) throws JOSEException {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            try {
                if (m.group(1).equals("CERTIFICATE")) {
                    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der));
                    return jwk(cert.getPublicKey());
                }
                if (m.group(1).equals("PUBLIC KEY")) {
                    return jwk(decode(der));
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new JOSEException("unreadable PEM " + m.group(1).toLowerCase() + ": " + e.getMessage(), e);
            }
        }
        throw new JOSEException("no PUBLIC KEY or CERTIFICATE block in the PEM file");
    }

    private static PublicKey decode(byte[] der) throws GeneralSecurityException {
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("neither an EC nor an RSA public key");
    }

    private static JWK jwk(PublicKey key) throws GeneralSecurityException {
        if (key instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        throw new GeneralSecurityException("unsupported key type " + key.getAlgorithm());
    }
}
