package dev.hookstead.request;

/**
 * Header names as functions see them: Go's canonical MIME form ({@code content-type} → {@code Content-Type}), since
 * the platform's runtime was written in Go. A name with characters outside an HTTP token is kept as sent, as Go does.
 */
public final class HeaderNames {

    private HeaderNames() {
    }

    public static String canonical(String name) {
        boolean canonical = true;
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTokenChar(c)) return name;
            canonical &= upper ? !(c >= 'a' && c <= 'z') : !(c >= 'A' && c <= 'Z');
            upper = c == '-';
        }
        if (canonical) return name; // most clients send this form: no copy per header per request
        StringBuilder out = new StringBuilder(name.length());
        upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') return true;
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
