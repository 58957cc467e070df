package dev.hookstead.manifest;

/** How a request proves it comes from a holder of the secret. */
public enum ValidationMethod {
    NO_VALIDATION,
    SECRET_AS_QUERY_PARAM,
    VERIFY_PAYLOAD
}
