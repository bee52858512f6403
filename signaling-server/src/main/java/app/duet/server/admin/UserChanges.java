package app.duet.server.admin;

import app.duet.protocol.FieldFormat;
import app.duet.protocol.Protocol;
import app.duet.server.store.AccountAdmin.Deletion;
import app.duet.server.store.Accounts.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code user} subcommands that change an account. */
final class UserChanges {
    private UserChanges() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an account (any registration mode). The password is read from a prompt or "
                    + "the first line of standard input.")
    static final class Add extends OneUserCommand {
        @Mixin
        PasswordInput password;

        @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "The user's e-mail address.")
        String email;

        @Option(names = "--display-name", paramLabel = "NAME", description = "Shown to others (default: the username).")
        String displayName;

        @Override
        public Integer call() {
            return admin.run("user.add", username, (stores, now) -> {
                check(FieldFormat.USERNAME, username, "username", Protocol.MAX_STRING_LENGTH);
                check(FieldFormat.EMAIL, email, "--email", Protocol.MAX_EMAIL_LENGTH);
                String name = displayName == null ? username : displayName.strip();
                check(FieldFormat.DISPLAY_NAME, name, "--display-name", Protocol.MAX_DISPLAY_NAME_LENGTH);
                Account account = new Account(username, name, email, password.readHash(username), now);
                switch (stores.accounts().create(account)) {
                    case USERNAME_TAKEN -> throw AdminException.conflict("The username '" + username + "' is taken.");
                    case EMAIL_TAKEN -> throw AdminException.conflict("An account with the e-mail " + email + " exists.");
                    default -> {
                    }
                }
                return new AdminOptions.Outcome("Created the account " + username + ".",
                        UserCommand.json(stores.accounts().findByUsername(username).orElseThrow()), "");
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: its sessions and calls end at once and it cannot log in until enabled.")
    static final class Disable extends OneUserCommand {
        @Override
        public Integer call() {
            return admin.run("user.disable", username, (stores, now) -> {
                int ended = stores.accountAdmin().disable(username, now).orElseThrow(() -> AdminException.noSuchUser(username));
                return new AdminOptions.Outcome("Disabled " + username + "; " + ended + " sessions ended.",
                        AdminOptions.object("username", username, "state", "disabled", "sessionsEnded", ended),
                        " sessionsEnded=" + ended);
            });
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled account log in again.")
    static final class Enable extends OneUserCommand {
        @Override
        public Integer call() {
            return admin.run("user.enable", username, (stores, now) -> {
                if (!stores.accountAdmin().enable(username, now)) {
                    throw AdminException.noSuchUser(username);
                }
                return new AdminOptions.Outcome("Enabled " + username + ".",
                        AdminOptions.object("username", username, "state", "active"), "");
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete an account for good. Channels it owns go to their other member, or are deleted "
                    + "if it was alone; its sessions and calls end at once.")
    static final class Delete extends OneUserCommand {
        @Override
        public Integer call() {
            return admin.run("user.delete", username, (stores, now) -> {
                Deletion d = stores.accountAdmin().delete(username, now).orElseThrow(() -> AdminException.noSuchUser(username));
                return new AdminOptions.Outcome("Deleted " + username + "; channels handed over: "
                        + d.channelsHandedOver() + ", channels deleted: " + d.channelsDeleted() + ", "
                        + d.sessionsEnded() + " sessions ended.",
                        AdminOptions.object("username", username, "channelsHandedOver", d.channelsHandedOver(),
                                "channelsDeleted", d.channelsDeleted(), "sessionsEnded", d.sessionsEnded()),
                        " channelsHandedOver=" + d.channelsHandedOver().size() + " channelsDeleted="
                                + d.channelsDeleted().size() + " sessionsEnded=" + d.sessionsEnded());
            });
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true,
            description = "Change an account's display name (usernames never change).")
    static final class Rename extends OneUserCommand {
        @Parameters(index = "1", paramLabel = "DISPLAY_NAME")
        String displayName;

        @Override
        public Integer call() {
            return admin.run("user.rename", username, (stores, now) -> {
                String name = displayName.strip();
                check(FieldFormat.DISPLAY_NAME, name, "DISPLAY_NAME", Protocol.MAX_DISPLAY_NAME_LENGTH);
                if (!stores.accountAdmin().rename(username, name, now)) {
                    throw AdminException.noSuchUser(username);
                }
                return new AdminOptions.Outcome("Renamed " + username + " to \"" + name + "\".",
                        AdminOptions.object("username", username, "displayName", name), "");
            });
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = "Set a new password (read from a prompt or the first line of standard input); the "
                    + "account's sessions end.")
    static final class SetPassword extends OneUserCommand {
        @Mixin
        PasswordInput password;

        @Override
        public Integer call() {
            return admin.run("user.set-password", username, (stores, now) -> {
                if (stores.accounts().findByUsername(username).isEmpty()) {
                    throw AdminException.noSuchUser(username);
                }
                int ended = stores.accountAdmin().setPasswordHash(username, password.readHash(username), now)
                        .orElseThrow(() -> AdminException.noSuchUser(username));
                return new AdminOptions.Outcome("Set a new password for " + username + "; " + ended + " sessions ended.",
                        AdminOptions.object("username", username, "sessionsEnded", ended), " sessionsEnded=" + ended);
            });
        }
    }

    private static void check(FieldFormat format, String value, String what, int maxLength) {
        if (!format.matches(value) || value.length() > maxLength) {
            throw AdminException.invalid(what + " must be " + format.description()
                    + " (at most " + maxLength + " characters).");
        }
    }
}
