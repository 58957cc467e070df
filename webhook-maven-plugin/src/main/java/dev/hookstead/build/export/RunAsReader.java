package dev.hookstead.build.export;

import dev.hookstead.manifest.RunAs;

/**
 * The run_as_* fields of a webhook or function. Functions and webhooks differ only in the default: a webhook with no
 * user selection runs as the system user (HTTP-SVC), a function runs as the calling user (CFG/functions).
 */
final class RunAsReader {

    static final String SCRIPT_FIELD = "run_as_user_id_script_source";

    private RunAsReader() {
    }

    static RunAs read(ConfigNode cfg, RunAs.Mode whenNoneSet, Scripts scripts) {
        boolean system = cfg.bool("run_as_system", false);
        boolean authed = cfg.bool("run_as_authed_user", false);
        String userId = cfg.nonBlank("run_as_user_id");
        String script = cfg.nonBlank(SCRIPT_FIELD);

        if (system) {
            if (authed || userId != null || script != null) {
                cfg.problems().warning(cfg.file(), cfg.path("run_as_system"), "true",
                        "overrides the other run_as_* fields set here, so they are ignored",
                        "remove run_as_authed_user / run_as_user_id / run_as_user_id_script_source, or set run_as_system to false");
            }
            return RunAs.SYSTEM;
        }
        if (userId != null && script != null) {
            cfg.problems().error(cfg.file(), cfg.path(SCRIPT_FIELD), null, "cannot be combined with run_as_user_id",
                    "keep either run_as_user_id or run_as_user_id_script_source and set the other to \"\"");
        }
        if (authed && (userId != null || script != null)) {
            cfg.problems().error(cfg.file(), cfg.path("run_as_authed_user"), "true",
                    "cannot be combined with run_as_user_id or run_as_user_id_script_source",
                    "choose one way to pick the user: application auth (run_as_authed_user), a fixed user id, or a script");
        }
        if (authed) return new RunAs(RunAs.Mode.APPLICATION, null, null);
        if (userId != null) return new RunAs(RunAs.Mode.USER_ID, userId, null);
        if (script != null) {
            return new RunAs(RunAs.Mode.SCRIPT, null, scripts.add(cfg.file() + "#" + cfg.path(SCRIPT_FIELD), script));
        }
        return whenNoneSet == RunAs.Mode.SYSTEM ? RunAs.SYSTEM : new RunAs(whenNoneSet, null, null);
    }
}
