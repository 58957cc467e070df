package dev.hookstead.build.export;

/** The app directory cannot be read as an export at all (problems inside an export are collected instead). */
public class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }
}
