package dev.hookstead.script.utils;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code utils.jwt} on top of nimbus-jose-jwt. Headers are written with sorted keys ({@code alg}, then the rest) as
 * the platform's Go runtime did; the payload text is signed exactly as the script serialised it. HMAC goes through
 * {@link HmacJws} because the platform accepted secrets shorter than the 256 bits nimbus insists on.
 */
final class Jwt {

    static final List<String> METHODS = List.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
            "ES256", "ES384", "ES512", "PS256", "PS384", "PS512");

    private final Clock clock;

    Jwt(Clock clock) {
        this.clock = clock;
    }

    /**
     * A compact JWS of {@code payloadJson} (a JSON object) with {@code customHeaderJson} merged into the header.
     *
     * @param secret the HMAC secret or private key PEM; for HMAC its UTF-8 bytes, or raw bytes given as a BSON.Binary
     */
    static String encode(String signingMethod, String payloadJson, Secret secret, String customHeaderJson) {
        JWSAlgorithm algorithm = algorithm("utils.jwt.encode", "signingMethod", signingMethod);
        Map<String, Object> header = new TreeMap<>();
        if (customHeaderJson != null) {
            header.putAll(jsonObject(customHeaderJson, "utils.jwt.encode: customHeaderFields"));
            Object alg = header.get("alg");
            if (alg != null && !algorithm.getName().equals(alg)) {
                throw new IllegalArgumentException("utils.jwt.encode: customHeaderFields sets alg '" + alg
                        + "' but signingMethod is '" + algorithm + "'; leave alg out of customHeaderFields");
            }
        }
        header.put("alg", algorithm.getName());
        header.putIfAbsent("typ", "JWT");
        jsonObject(payloadJson, "utils.jwt.encode: payload");
        try {
            JWSHeader jwsHeader = JWSHeader.parse(Base64URL.encode(JSONObjectUtils.toJSONString(header)));
            JWSObject jws = new JWSObject(jwsHeader, new Payload(Base64URL.encode(payloadJson)));
            jws.sign(signer(algorithm, secret));
            return jws.serialize();
        } catch (ParseException e) {
            throw new IllegalArgumentException("utils.jwt.encode: customHeaderFields make an invalid JOSE header ("
                    + e.getMessage() + ")");
        } catch (JOSEException e) {
            throw new IllegalArgumentException("utils.jwt.encode: cannot sign with " + algorithm + " ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * Verifies {@code token} and returns its header JSON and payload text. Tokens whose {@code exp} has passed or whose
     * {@code nbf} lies ahead are refused.
     *
     * @param acceptedMethods the allowed {@code alg} values, or {@code null} for any supported one
     */
    List<String> decode(String token, Secret key, List<String> acceptedMethods) {
        Set<String> accepted = acceptedMethods == null ? null : accepted(acceptedMethods);
        String alg = rawAlgorithm(token);
        if (alg.equalsIgnoreCase("none")) {
            throw new IllegalArgumentException("utils.jwt.decode: unsigned tokens (alg \"none\") are never accepted");
        }
        JWSAlgorithm algorithm = algorithm("utils.jwt.decode", "the token's alg", alg);
        if (accepted != null && !accepted.contains(algorithm.getName())) {
            throw new IllegalArgumentException("utils.jwt.decode: the token is signed with " + algorithm
                    + ", which is not in acceptedSigningMethods " + accepted);
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException e) {
            throw new IllegalArgumentException("utils.jwt.decode: jwtString is not a valid JWT (" + e.getMessage() + ")");
        }
        boolean valid;
        try {
            valid = jws.verify(verifier(algorithm, key));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("utils.jwt.decode: cannot verify a " + algorithm + " token with this key ("
                    + e.getMessage() + ")");
        }
        if (!valid) {
            throw new IllegalArgumentException("utils.jwt.decode: signature verification failed; the token was altered"
                    + " or signed with another key");
        }
        Map<String, Object> claims = jsonObject(jws.getPayload().toString(), "utils.jwt.decode: the token's payload");
        checkTimes(claims);
        return List.of(jws.getHeader().toString(), jws.getPayload().toString());
    }

    private void checkTimes(Map<String, Object> claims) {
        double now = clock.millis() / 1000d;
        if (claims.get("exp") instanceof Number exp && now >= exp.doubleValue()) {
            throw new IllegalArgumentException("utils.jwt.decode: the token expired (exp " + exp + ")");
        }
        if (claims.get("nbf") instanceof Number nbf && now < nbf.doubleValue()) {
            throw new IllegalArgumentException("utils.jwt.decode: the token is not valid yet (nbf " + nbf + ")");
        }
    }

    private static Set<String> accepted(List<String> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("utils.jwt.decode: acceptedSigningMethods is empty; list at least one of "
                    + METHODS + " or leave it out");
        }
        Set<String> accepted = new LinkedHashSet<>();
        for (String method : methods) {
            accepted.add(algorithm("utils.jwt.decode", "acceptedSigningMethods entry", method).getName());
        }
        return accepted;
    }

    private static String rawAlgorithm(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("utils.jwt.decode: jwtString is not a JWT; expected three base64url"
                    + " parts separated by '.'");
        }
        Map<String, Object> header = jsonObject(new Base64URL(token.substring(0, dot)).decodeToString(),
                "utils.jwt.decode: the token's header");
        if (header.get("alg") instanceof String alg) {
            return alg;
        }
        throw new IllegalArgumentException("utils.jwt.decode: the token's header has no alg");
    }

    private static JWSAlgorithm algorithm(String method, String argument, String name) {
        if (name == null || !METHODS.contains(name)) {
            throw new IllegalArgumentException(method + ": " + argument + " "
                    + (name == null ? "is missing" : "'" + name + "' is not supported") + "; use one of " + METHODS);
        }
        return JWSAlgorithm.parse(name);
    }

    private static JWSSigner signer(JWSAlgorithm algorithm, Secret secret) throws JOSEException {
        String family = algorithm.getName().substring(0, 2);
        return switch (family) {
            case "HS" -> new HmacJws(secret.bytes());
            // weak (<2048-bit) RSA keys allowed: the platform signed with whatever key it was given
            case "RS", "PS" -> new RSASSASigner(PemKeys.rsaPrivate(secret.pem("utils.jwt.encode: secret"),
                    "utils.jwt.encode: secret"), true);
            default -> new ECDSASigner((ECPrivateKey) PemKeys.ecPrivate(secret.pem("utils.jwt.encode: secret"),
                    "utils.jwt.encode: secret"));
        };
    }

    private static JWSVerifier verifier(JWSAlgorithm algorithm, Secret key) throws JOSEException {
        String family = algorithm.getName().substring(0, 2);
        String what = "utils.jwt.decode: key";
        return switch (family) {
            case "HS" -> {
                // a public key used as an HMAC secret is the classic RS/HS confusion attack
                if (key.text() != null && PemKeys.looksLikePem(key.text())) {
                    throw new IllegalArgumentException("utils.jwt.decode: the token is signed with " + algorithm
                            + " but key is a PEM key; HMAC tokens are verified with their shared secret");
                }
                yield new HmacJws(key.bytes());
            }
            case "RS", "PS" -> new RSASSAVerifier((RSAPublicKey) PemKeys.rsaPublic(key.pem(what), what));
            default -> new ECDSAVerifier((ECPublicKey) PemKeys.ecPublic(key.pem(what), what));
        };
    }

    /** A key argument: text (an HMAC secret or a PEM key) or, from a BSON.Binary, raw HMAC secret bytes. */
    record Secret(String text, byte[] bytes) {

        static Secret ofText(String text) {
            return new Secret(text, text.getBytes(StandardCharsets.UTF_8));
        }

        static Secret ofBytes(byte[] bytes) {
            return new Secret(null, bytes);
        }

        String pem(String what) {
            if (text == null) {
                throw new IllegalArgumentException(what + " must be PEM text for RSA and EC methods, not a BSON.Binary");
            }
            return text;
        }
    }

    private static Map<String, Object> jsonObject(String json, String what) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException(what + " must be a JSON object (" + e.getMessage() + ")");
        }
    }
}
