package dev.hookstead.build.export;

import dev.hookstead.manifest.ScriptRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Source texts of every script found, keyed by their export-relative name, for the compiler that runs later. */
final class Scripts {

    private final Map<String, String> sources = new TreeMap<>();

    /** An uncompiled reference: no compiled path or line map yet. */
    ScriptRef add(String original, String text) {
        sources.put(original, text);
        return new ScriptRef(null, original, sha256(text), List.of());
    }

    Map<String, String> sources() {
        return sources;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
