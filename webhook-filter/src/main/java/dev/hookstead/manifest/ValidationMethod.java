package dev.hookstead.manifest;

/**
 * How a request proves it comes from a holder of the secret. The first three are the platform's; the others are
 * Hookstead extensions for senders with their own signature schemes (docs/security.md). GitHub and Twilio service
 * webhooks are checked by service type and keep NO_VALIDATION here.
 */
public enum ValidationMethod {
    NO_VALIDATION,
    SECRET_AS_QUERY_PARAM,
    VERIFY_PAYLOAD,
    /** standardwebhooks.com: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}. */
    STANDARD_WEBHOOKS,
    /** Svix: Standard Webhooks with {@code svix-} headers. */
    SVIX,
    /** {@code Stripe-Signature: t=…,v1=…}. */
    STRIPE,
    /** {@code X-Slack-Signature} and {@code X-Slack-Request-Timestamp}. */
    SLACK
}
