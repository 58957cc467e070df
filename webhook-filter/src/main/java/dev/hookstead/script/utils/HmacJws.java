package dev.hookstead.script.utils;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.HMAC;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

import java.security.MessageDigest;
import java.util.Set;

/**
 * HS256/384/512 signing and verifying with nimbus's HMAC primitive but without its 256-bit minimum secret length:
 * the platform's own example signs with the 11-character secret "SuperSecret". Tokens carrying {@code crit} header
 * parameters are refused, since none are understood here.
 */
final class HmacJws implements JWSSigner, JWSVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384,
            JWSAlgorithm.HS512);

    private final byte[] secret;
    private final JCAContext jca = new JCAContext();

    HmacJws(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("utils.jwt: the HMAC secret is empty; pass a non-empty secret");
        }
        this.secret = secret.clone();
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        return Base64URL.encode(mac(header, signingInput));
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(mac(header, signingInput), signature.decode());
    }

    private byte[] mac(JWSHeader header, byte[] signingInput) throws JOSEException {
        String jca = switch (header.getAlgorithm().getName()) {
            case "HS256" -> "HmacSHA256";
            case "HS384" -> "HmacSHA384";
            case "HS512" -> "HmacSHA512";
            default -> throw new JOSEException("not an HMAC algorithm: " + header.getAlgorithm());
        };
        return HMAC.compute(jca, secret, signingInput, this.jca.getProvider());
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }
}
