package dev.hookstead.build.export;

import dev.hookstead.build.problems.Problems;
import dev.hookstead.manifest.ValidationMethod;

/** Reads a validation method name as exported. */
final class Validation {

    private Validation() {
    }

    /** The method, or NO_VALIDATION after an error naming the bad value. */
    static ValidationMethod parse(String text, String file, String field, Problems problems) {
        for (ValidationMethod m : ValidationMethod.values()) {
            if (m.name().equals(text)) return m;
        }
        problems.error(file, field, text, "is not a validation method",
                "use one of NO_VALIDATION, SECRET_AS_QUERY_PARAM, VERIFY_PAYLOAD");
        return ValidationMethod.NO_VALIDATION;
    }
}
