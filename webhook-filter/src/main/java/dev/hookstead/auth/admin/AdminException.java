package dev.hookstead.auth.admin;

/** A refused administration request (bad input, a duplicate, an unknown user); the message says what to fix. */
public final class AdminException extends RuntimeException {
    public AdminException(String message) {
        super(message);
    }
}
