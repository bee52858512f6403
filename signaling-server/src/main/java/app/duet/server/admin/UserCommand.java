package app.duet.server.admin;

import app.duet.server.store.Accounts.Account;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.StoredChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code duet-server user ...}: the admin's view of accounts; the changes are in {@link UserChanges}. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "List, inspect and change accounts. Works while the server runs, which applies a change "
                + "within a second.",
        subcommands = {UserCommand.ListUsers.class, UserCommand.Show.class, UserChanges.Add.class,
                UserChanges.Disable.class, UserChanges.Enable.class, UserChanges.Delete.class,
                UserChanges.Rename.class, UserChanges.SetPassword.class})
public final class UserCommand {
    private static final String ROW = "%-32s %-8s %-30s %s%n";

    private UserCommand() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every account.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            return admin.run("user.list", "-", (stores, now) -> new Listing<Account>("users", ROW,
                    new Object[] {"USERNAME", "STATE", "E-MAIL", "DISPLAY NAME"},
                    a -> new Object[] {a.username(), state(a), a.email(), a.displayName()}, UserCommand::json)
                    .of(stores.accounts().list(), "account"));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one account and its channels.")
    static final class Show extends OneUserCommand {
        @Override
        public Integer call() {
            return admin.run("user.show", username, (stores, now) -> {
                Account a = stores.accounts().findByUsername(username)
                        .orElseThrow(() -> AdminException.noSuchUser(username));
                List<Map<String, Object>> channels = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                text.append("username:     ").append(a.username()).append('\n')
                        .append("display name: ").append(a.displayName()).append('\n')
                        .append("e-mail:       ").append(a.email()).append('\n')
                        .append("state:        ").append(state(a)).append(a.disabled() ? " since " + a.disabledAt() : "")
                        .append('\n')
                        .append("created:      ").append(a.createdAt()).append('\n')
                        .append("channels:");
                for (StoredChannel c : stores.channels().loadAll()) {
                    if (c.members().stream().map(Member::username).anyMatch(username::equals)) {
                        boolean owner = c.owner().equals(username);
                        channels.add(AdminOptions.object("name", c.name(), "owner", owner));
                        text.append(' ').append(c.name()).append(owner ? " (owner)" : "");
                    }
                }
                Map<String, Object> json = json(a);
                json.put("channels", channels);
                return new AdminOptions.Outcome(text.toString(), json, "");
            });
        }
    }

    static String state(Account a) {
        return a.disabled() ? "disabled" : "active";
    }

    static Map<String, Object> json(Account a) {
        return AdminOptions.object("username", a.username(), "displayName", a.displayName(), "email", a.email(),
                "state", state(a), "createdAt", a.createdAt().toString(),
                "disabledAt", a.disabledAt() == null ? null : a.disabledAt().toString());
    }
}
