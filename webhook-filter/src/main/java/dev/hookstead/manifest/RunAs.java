package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Which user a webhook, endpoint or function runs as.
 *
 * @param userId set for {@link Mode#USER_ID}
 * @param script set for {@link Mode#SCRIPT}: the compiled {@code run_as_user_id_script_source}
 */
@JsonPropertyOrder({"mode", "userId", "script"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunAs(Mode mode, String userId, ScriptRef script) {

    public enum Mode { SYSTEM, USER_ID, SCRIPT, APPLICATION }

    public static final RunAs SYSTEM = new RunAs(Mode.SYSTEM, null, null);
}
