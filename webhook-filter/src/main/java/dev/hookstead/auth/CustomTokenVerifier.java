package dev.hookstead.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The custom-token (custom JWT) provider: verifies a JWT signed with HS256 (shared keys) or RS256 (PEM public keys,
 * or the JWK set at {@code jwkURI}, which needs a {@code kid}), then checks {@code aud} (default: the client app id),
 * {@code exp}, {@code nbf} and {@code sub}, and maps {@code metadata_fields} into the user's {@code data}.
 *
 * <p>Keys: {@code secret_config.signingKeys} names runtime secrets ({@code hookstead.secret.<name>}) holding the HS256
 * key text or an RS256 PEM public key; {@code config.publicKey} may hold a PEM public key inline.
 */
public final class CustomTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(CustomTokenVerifier.class);

    /** A valid token: the identity id and the metadata for {@code user.data}. */
    public record VerifiedToken(String subject, BsonDocument metadata) {
    }

    private record MetadataField(List<String> path, String fieldName, boolean required, String name) {
    }

    private final String providerName;
    private final JWSAlgorithm algorithm;
    private final List<String> audiences;
    private final boolean requireAnyAudience;
    private final List<String> keySecrets;
    private final String inlinePublicKey;
    private final JWKSource<SecurityContext> jwks;
    private final List<MetadataField> metadata;
    private final UnaryOperator<String> secrets;

    /**
     * @param secrets runtime secret lookup by name
     * @throws IllegalArgumentException when the provider's config cannot work, naming the option and the fix
     */
    public CustomTokenVerifier(AuthProviderDef def, String clientAppId, UnaryOperator<String> secrets) {
        this.providerName = def.name();
        this.secrets = secrets;
        JsonNode config = def.config() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                : def.config();
        String jwkUri = text(config, "jwkURI");
        boolean useJwkUri = config.path("useJWKURI").asBoolean(false);
        String declared = text(config, "signingAlgorithm");
        algorithm = useJwkUri ? JWSAlgorithm.RS256 : declared == null ? JWSAlgorithm.HS256 : JWSAlgorithm.parse(declared);
        if (!algorithm.equals(JWSAlgorithm.HS256) && !algorithm.equals(JWSAlgorithm.RS256)) {
            throw bad("config.signingAlgorithm is '" + declared + "'; use HS256 or RS256");
        }
        audiences = strings(config.get("audience"));
        if (audiences.isEmpty() && clientAppId != null) audiences.add(clientAppId);
        requireAnyAudience = config.path("requireAnyAudience").asBoolean(false);
        keySecrets = def.secretConfig() == null ? List.of() : strings(def.secretConfig().get("signingKeys"));
        inlinePublicKey = text(config, "publicKey");
        if (useJwkUri) {
            if (jwkUri == null) throw bad("config.useJWKURI is true but config.jwkURI is empty; set the JWK set URL");
            jwks = JWKSourceBuilder.<SecurityContext>create(url(jwkUri), new DefaultResourceRetriever(5000, 5000, 512 * 1024))
                    .retrying(false).build();
        } else {
            jwks = null;
            if (keySecrets.isEmpty() && inlinePublicKey == null) {
                throw bad("no signing key: list the secret names in secret_config.signingKeys");
            }
        }
        metadata = new ArrayList<>();
        for (JsonNode field : def.metadataFields()) {
            String name = text(field, "name");
            if (name == null) throw bad("a metadata_fields entry has no name");
            List<String> path = JwtPath.split(name);
            String fieldName = text(field, "field_name");
            metadata.add(new MetadataField(path, fieldName == null ? path.get(path.size() - 1) : fieldName,
                    field.path("required").asBoolean(false), name));
        }
    }

    /** @throws HookError 401 InvalidSession naming what is wrong with the token (never a key) */
    public VerifiedToken verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("the token is not a signed JWT");
        }
        if (!algorithm.equals(jwt.getHeader().getAlgorithm())) {
            throw invalid("the token is signed with " + jwt.getHeader().getAlgorithm() + ", expected " + algorithm);
        }
        if (!signatureValid(jwt)) throw invalid("the signature is invalid");
        Date now = new Date();
        if (claims.getExpirationTime() == null) throw invalid("the token has no exp");
        if (!now.before(claims.getExpirationTime())) throw invalid("the token expired");
        if (claims.getNotBeforeTime() != null && now.before(claims.getNotBeforeTime())) {
            throw invalid("the token is not valid yet (nbf)");
        }
        List<String> aud = claims.getAudience();
        boolean audienceOk = requireAnyAudience ? audiences.stream().anyMatch(aud::contains) : aud.containsAll(audiences);
        if (!audienceOk) throw invalid("the token's aud does not match the provider's audience");
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) throw invalid("the token has no sub");
        return new VerifiedToken(subject, metadata(claims));
    }

    private boolean signatureValid(SignedJWT jwt) {
        try {
            for (JWSVerifier verifier : verifiers(jwt.getHeader().getKeyID())) {
                if (jwt.verify(verifier)) return true;
            }
            return false;
        } catch (JOSEException e) {
            return false;
        }
    }

    private List<JWSVerifier> verifiers(String kid) throws JOSEException {
        List<JWSVerifier> verifiers = new ArrayList<>();
        if (jwks != null) {
            if (kid == null) throw invalid("the token has no kid, which a JWK URI provider needs");
            List<JWK> found;
            try {
                found = jwks.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
            } catch (KeySourceException e) {
                LOG.error("custom-token provider '{}': cannot read the JWK set: {}", providerName, e.getMessage());
                throw new HookError(ErrorCode.ServiceUnavailable, "the JWT signing keys cannot be read right now");
            }
            for (JWK key : found) {
                if (key instanceof RSAKey rsa) verifiers.add(new RSASSAVerifier(rsa));
            }
            return verifiers;
        }
        if (inlinePublicKey != null) verifiers.add(new RSASSAVerifier(rsaPublicKey(inlinePublicKey, "config.publicKey")));
        for (String name : keySecrets) {
            String key = secrets.apply(name);
            if (key == null) {
                LOG.error("custom-token provider '{}' needs the secret '{}': define hookstead.secret.{}",
                        providerName, name, name);
                continue;
            }
            if (algorithm.equals(JWSAlgorithm.HS256) && key.getBytes(StandardCharsets.UTF_8).length < 32) {
                LOG.error("custom-token provider '{}': secret '{}' is shorter than 32 characters, too short for HS256;"
                        + " use 32 to 512 letters, digits, '_' or '-'", providerName, name);
                continue;
            }
            verifiers.add(algorithm.equals(JWSAlgorithm.HS256) ? new MACVerifier(key)
                    : new RSASSAVerifier(rsaPublicKey(key, "secret " + name)));
        }
        if (verifiers.isEmpty()) {
            throw new HookError(ErrorCode.InternalServerError, "the server is not configured for this request");
        }
        return verifiers;
    }

    private BsonDocument metadata(JWTClaimsSet claims) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> all = claims.toJSONObject();
        for (MetadataField field : metadata) {
            Object value = JwtPath.get(all, field.path());
            if (value == null) {
                if (field.required()) throw invalid("the token lacks the required metadata field '" + field.name() + "'");
                continue;
            }
            data.put(field.fieldName(), value);
        }
        return BsonDocument.parse(JSONObjectUtils.toJSONString(data));
    }

    private RSAPublicKey rsaPublicKey(String pem, String where) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            LOG.error("custom-token provider '{}': {} is not an RSA public key in PEM (-----BEGIN PUBLIC KEY-----)",
                    providerName, where);
            throw new HookError(ErrorCode.InternalServerError, "the server is not configured for this request");
        }
    }

    private HookError invalid(String reason) {
        return new HookError(ErrorCode.InvalidSession, "invalid custom JWT: " + reason);
    }

    private IllegalArgumentException bad(String message) {
        return new IllegalArgumentException("auth provider '" + providerName + "' (custom-token): " + message);
    }

    private URL url(String text) {
        try {
            return URI.create(text).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw bad("config.jwkURI '" + text + "' is not a URL; set e.g. https://issuer.example.com/.well-known/jwks.json");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) return result;
        if (node.isArray()) {
            node.forEach(n -> { if (n.isTextual() && !n.asText().isBlank()) result.add(n.asText()); });
        } else if (node.isTextual() && !node.asText().isBlank()) {
            result.add(node.asText());
        }
        return result;
    }
}
