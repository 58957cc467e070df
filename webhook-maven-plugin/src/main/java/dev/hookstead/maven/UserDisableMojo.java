package dev.hookstead.maven;

import dev.hookstead.auth.admin.UserAdmin;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Disables a user (or enables it again with -Dwebhook.enable=true); a disabled user cannot authenticate. */
@Mojo(name = "user-disable", threadSafe = true, requiresProject = false)
public class UserDisableMojo extends AbstractUserMojo {

    /** The user's id or email. */
    @Parameter(property = "webhook.user")
    protected String user;

    @Parameter(property = "webhook.enable", defaultValue = "false")
    protected boolean enable;

    @Override
    protected void run(UserAdmin admin) throws MojoFailureException {
        String id = admin.setDisabled(required(user, "user"), !enable);
        getLog().info((enable ? "Enabled" : "Disabled") + " user " + id);
    }
}
