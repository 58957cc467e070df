package dev.hookstead.maven;

import dev.hookstead.auth.admin.UserAdmin;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Imports email/password users from a JSON array of {@code {"email", "password" | "passwordHash", "data"?,
 * "disabled"?}} ({@code passwordHash}: an existing bcrypt hash). Nothing is imported unless every entry is valid.
 */
@Mojo(name = "users-import", threadSafe = true, requiresProject = false)
public class UsersImportMojo extends AbstractUserMojo {

    @Parameter(property = "webhook.usersFile")
    protected File usersFile;

    @Override
    protected void run(UserAdmin admin) throws MojoFailureException {
        if (usersFile == null) throw new MojoFailureException("missing parameter: set -Dwebhook.usersFile=users.json");
        if (!usersFile.isFile()) throw new MojoFailureException("users file " + usersFile + " does not exist");
        UserAdmin.ImportResult result = admin.importUsers(usersFile.toPath());
        getLog().info("Imported " + result.imported() + " users from " + usersFile);
    }
}
