package app.duet.server.admin;

import app.duet.server.auth.Secrets;
import app.duet.server.store.RegistrationInvites.Invite;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code duet-server invite ...}: registration invites for a server with {@code --registration invite}. */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = "Registration invites: with --registration invite, signing up needs one.",
        subcommands = {InviteCommand.Create.class, InviteCommand.ListInvites.class, InviteCommand.Revoke.class})
public final class InviteCommand {
    static final int MAX_USES = 10_000;
    static final int MAX_DAYS = 365;
    private static final int ID_BYTES = 6;
    private static final String ROW = "%-14s %-8s %-9s %s%n";

    private InviteCommand() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an invite and print its token (shown only now; hand it to the people invited).")
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Option(names = "--uses", defaultValue = "1", description = "How many sign-ups it allows (default: ${DEFAULT-VALUE}).")
        int uses;

        @Option(names = "--days", defaultValue = "7", description = "Days until it expires (default: ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() {
            return admin.run("invite.create", "-", (stores, now) -> {
                if (uses < 1 || uses > MAX_USES) {
                    throw AdminException.invalid("--uses must be between 1 and " + MAX_USES + ".");
                }
                if (days < 1 || days > MAX_DAYS) {
                    throw AdminException.invalid("--days must be between 1 and " + MAX_DAYS + ".");
                }
                SecureRandom random = new SecureRandom();
                byte[] idBytes = new byte[ID_BYTES];
                random.nextBytes(idBytes);
                String token = "inv_" + new Secrets(random).newToken();
                Invite invite = new Invite(HexFormat.of().formatHex(idBytes), uses, 0, now,
                        now.plus(Duration.ofDays(days)), null);
                stores.invites().create(invite, Secrets.sha256Hex(token));
                Map<String, Object> json = json(invite, now);
                json.put("token", token);
                return new AdminOptions.Outcome(token + "\n(invite " + invite.id() + ": " + uses + " use"
                        + (uses == 1 ? "" : "s") + ", expires " + invite.expiresAt() + ")", json,
                        " invite=" + invite.id() + " uses=" + uses + " days=" + days);
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List invites, newest first.")
    static final class ListInvites implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            return admin.run("invite.list", "-", (stores, now) -> new Listing<Invite>("invites", ROW,
                    new Object[] {"ID", "STATE", "USED", "EXPIRES"},
                    i -> new Object[] {i.id(), i.state(now).wireName(), i.uses() + "/" + i.maxUses(), i.expiresAt()},
                    i -> json(i, now))
                    .of(stores.invites().list(), "invite"));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an invite: it lets nobody else sign up.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "ID", description = "The invite's id, as invite list shows it.")
        String id;

        @Override
        public Integer call() {
            return admin.run("invite.revoke", id, (stores, now) -> {
                if (!stores.invites().revoke(id, now)) {
                    throw AdminException.notFound("There is no invite with the id '" + id + "'.");
                }
                Invite invite = stores.invites().find(id).orElseThrow();
                return new AdminOptions.Outcome("Revoked the invite " + id + ".", json(invite, now), "");
            });
        }
    }

    private static Map<String, Object> json(Invite i, Instant now) {
        return AdminOptions.object("id", i.id(), "state", i.state(now).wireName(), "uses", i.uses(),
                "maxUses", i.maxUses(), "createdAt", i.createdAt().toString(), "expiresAt", i.expiresAt().toString(),
                "revokedAt", i.revokedAt() == null ? null : i.revokedAt().toString());
    }
}
