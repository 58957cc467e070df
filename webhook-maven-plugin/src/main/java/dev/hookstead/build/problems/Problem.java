package dev.hookstead.build.problems;

/**
 * One thing wrong with an export, named precisely enough to fix without reading the code.
 *
 * @param file   export-relative path, "/" separated
 * @param field  dotted path of the field inside the file, or null for the whole file
 * @param value  the offending value as written, or null; never a secret
 * @param fix    what to do about it, or null
 * @param line   1-based line in {@code file}, 0 when unknown
 * @param column 1-based column in {@code file}, 0 when unknown
 */
public record Problem(Severity severity, String file, String field, String value, String message, String fix,
                      int line, int column) {

    /** {@code file[:line:col]: field "f": value "v" message. Fix: fix} */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) out.append(':').append(column);
        }
        out.append(": ");
        if (field != null) out.append("field \"").append(field).append("\": ");
        if (value != null) out.append("value \"").append(value).append("\" ");
        out.append(message);
        if (fix != null) out.append(". Fix: ").append(fix);
        return out.toString();
    }

    @Override
    public String toString() {
        return severity + " " + format();
    }
}
