package dev.hookstead.maven;

import dev.hookstead.auth.admin.UserAdmin;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Adds an email/password (local-userpass) user. */
@Mojo(name = "user-add", threadSafe = true, requiresProject = false)
public class UserAddMojo extends AbstractUserMojo {

    @Parameter(property = "webhook.email")
    protected String email;

    /** 6 to 128 characters. Prefer passing it from an environment variable over typing it on the command line. */
    @Parameter(property = "webhook.password")
    protected String password;

    @Override
    protected void run(UserAdmin admin) throws MojoFailureException {
        String id = admin.addUser(required(email, "email"), required(password, "password"));
        getLog().info("Added user " + id + " (" + email + ")");
    }
}
