package dev.hookstead.manifest;

/** The manifest is missing, unreadable, or of a format this filter does not serve. */
public class ManifestException extends RuntimeException {
    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
