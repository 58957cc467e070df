package dev.hookstead.config;

/**
 * One setting as documented to operators.
 *
 * @param name         full name, e.g. {@code hookstead.function.timeout}; {@code <...>} marks a name part the operator
 *                     chooses, e.g. {@code hookstead.secret.<secretName>}
 * @param defaultValue the default as shown in the docs, or "" when there is none
 */
public record SettingDef(String name, String defaultValue, String description) {

    /** The environment variable that carries this setting: upper case, '.' and '-' become '_'. */
    public String environmentName() {
        return Settings.environmentName(name);
    }
}
