package dev.hookstead.build.export;

import dev.hookstead.build.problems.Problems;
import dev.hookstead.manifest.ValidationMethod;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads a validation method name as exported (the platform's three, and Hookstead's signature schemes). */
final class Validation {

    private Validation() {
    }

    /** The method, or NO_VALIDATION after an error naming the bad value. */
    static ValidationMethod parse(String text, String file, String field, Problems problems) {
        for (ValidationMethod m : ValidationMethod.values()) {
            if (m.name().equals(text)) return m;
        }
        problems.error(file, field, text, "is not a validation method",
                "use one of " + allowed());
        return ValidationMethod.NO_VALIDATION;
    }

    /** Every method name, comma-separated, for messages. */
    static String allowed() {
        return Arrays.stream(ValidationMethod.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
