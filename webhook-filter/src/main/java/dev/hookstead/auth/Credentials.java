package dev.hookstead.auth;

/**
 * What a request presented to authenticate.
 *
 * @param identifier the email for {@link Kind#EMAIL_PASSWORD}, else null
 * @param secret     the password, API key, JWT or access token
 */
public record Credentials(Kind kind, String identifier, String secret) {

    public enum Kind { EMAIL_PASSWORD, API_KEY, JWT, BEARER }

    @Override
    public String toString() {
        return "Credentials[" + kind + "]"; // never the secret
    }
}
