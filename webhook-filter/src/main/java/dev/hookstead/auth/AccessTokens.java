package dev.hookstead.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Session tokens handed out by the login route: HS256 JWTs with {@code sub} = user id, {@code aud} = the client app
 * id and {@code typ} = "access" (30 minutes, as on the platform) or "refresh" (60 days, the platform's default).
 */
public final class AccessTokens {

    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(30);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(60);
    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";
    private static final String TYPE_CLAIM = "typ";
    /** Clock difference allowed between instances that share the signing key. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Supplier<byte[]> key;
    private final String audience;
    private final Clock clock;

    /** @param key the signing key (at least 32 bytes), looked up on first use */
    public AccessTokens(Supplier<byte[]> key, String audience, Clock clock) {
        this.key = key;
        this.audience = audience;
        this.clock = clock;
    }

    public String issue(String userId, String type) {
        return issue(userId, type, Map.of());
    }

    /** @param extra further claims, e.g. {@code user_data} (the custom user data the SDK reads from the token) */
    public String issue(String userId, String type, Map<String, Object> extra) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        extra.forEach(builder::claim);
        JWTClaimsSet claims = builder
                .subject(userId)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime(type))))
                .jwtID(UUID.randomUUID().toString())
                .claim(TYPE_CLAIM, type)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key.get()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * The user id of a valid, unexpired token of {@code type}, or null for any other text. A token must also have the
     * shape this server issues: issued (iat) no later than now, and valid for no longer than the type's lifetime. A
     * signed token with a far-future expiry (a leaked key, an old build, a token minted by hand) is refused.
     */
    public String verify(String token, String type) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) return null;
            if (!jwt.verify(new MACVerifier(key.get()))) return null;
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            Instant now = clock.instant();
            if (expires == null || !now.isBefore(expires.toInstant())) return null;
            if (!type.equals(claims.getClaim(TYPE_CLAIM))) return null;
            if (!withinLifetime(claims.getIssueTime(), expires, now, lifetime(type))) return null;
            if (audience != null && !claims.getAudience().contains(audience)) return null;
            return claims.getSubject();
        } catch (ParseException | JOSEException e) {
            return null;
        }
    }

    private static Duration lifetime(String type) {
        return type.equals(ACCESS) ? ACCESS_LIFETIME : REFRESH_LIFETIME;
    }

    private static boolean withinLifetime(Date issued, Date expires, Instant now, Duration lifetime) {
        if (issued == null || issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) return false;
        return Duration.between(issued.toInstant(), expires.toInstant()).compareTo(lifetime) <= 0;
    }
}
