package dev.hookstead.build;

/**
 * Where a script lands in the manifest folder. An export-relative original such as
 * {@code functions/a/b.js} becomes {@code scripts/functions/a/b.js} (compiled) and {@code sources/functions/a/b.js}
 * (as written); an inline script such as {@code .../config.json#run_as_user_id_script_source} becomes
 * {@code .../run_as_user_id_script_source.js}.
 */
final class ScriptPaths {
    private ScriptPaths() {
    }

    static String compiled(String original) {
        return "scripts/" + base(original);
    }

    static String source(String original) {
        return "sources/" + base(original);
    }

    private static String base(String original) {
        String path = original.replace('\\', '/');
        int hash = path.indexOf('#');
        if (hash >= 0) {
            int slash = path.lastIndexOf('/', hash);
            path = path.substring(0, slash + 1) + path.substring(hash + 1);
        }
        return path.endsWith(".js") ? path : path + ".js";
    }
}
