package dev.hookstead.maven;

import dev.hookstead.auth.admin.UserAdmin;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists the users: id, type, enabled or disabled, and their logins. */
@Mojo(name = "user-list", threadSafe = true, requiresProject = false)
public class UserListMojo extends AbstractUserMojo {

    @Override
    protected void run(UserAdmin admin) {
        var users = admin.listUsers();
        getLog().info(users.size() + (users.size() == 1 ? " user" : " users"));
        for (UserAdmin.UserSummary user : users) {
            getLog().info(user.id() + "  " + user.type() + "  " + (user.disabled() ? "disabled" : "enabled") + "  "
                    + String.join(", ", user.logins()));
        }
    }
}
