package dev.hookstead.script.compile;

/**
 * One reason a script cannot be built, pointing at the user's source.
 *
 * @param file       the script's file name as given to {@link ScriptCompiler#compile}
 * @param line       1-based line in the original source; 0 when unknown
 * @param column     1-based column in the original source; 0 when unknown
 * @param message    what is wrong, without a trailing period
 * @param suggestion how to fix it, or null when there is nothing more specific to say
 */
public record CompileProblem(String file, int line, int column, String message, String suggestion) {

    @Override
    public String toString() {
        String where = file + ":" + line + ":" + column + ": " + message;
        return suggestion == null ? where : where + ". Fix: " + suggestion;
    }
}
