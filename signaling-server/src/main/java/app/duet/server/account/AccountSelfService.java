package app.duet.server.account;

import app.duet.protocol.AccountData;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.Protocol;
import app.duet.protocol.UserInfo;
import app.duet.server.auth.AuthManager;
import app.duet.server.auth.CurrentPassword;
import app.duet.server.auth.Principal;
import app.duet.server.channels.CallHistoryService;
import app.duet.server.store.AccountAdmin;
import app.duet.server.store.AccountAdmin.Deletion;
import app.duet.server.store.Accounts;
import app.duet.server.store.Accounts.Account;
import app.duet.server.store.Sessions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What users do to their own account: a new display name, deleting the account, exporting their data. The
 * changes go through the same {@link AccountAdmin} store as the admin's commands, which records them for the
 * server to apply (end calls and sessions, tell the other members): the user's own deletion is the admin's
 * deletion, so nothing is left behind that the admin's would remove. Blocking (bcrypt, JDBC): callers run it
 * on a worker.
 */
public final class AccountSelfService {
    private static final Logger log = LoggerFactory.getLogger("duet.account");

    private final Accounts accounts;
    private final AccountAdmin changes;
    private final Sessions sessions;
    private final CallHistoryService history;
    private final CurrentPassword currentPassword;
    private final Clock clock;

    public AccountSelfService(Accounts accounts, AccountAdmin changes, Sessions sessions, CallHistoryService history,
            CurrentPassword currentPassword, Clock clock) {
        this.accounts = accounts;
        this.changes = changes;
        this.sessions = sessions;
        this.history = history;
        this.currentPassword = currentPassword;
        this.clock = clock;
    }

    /** @param displayName already checked by the codec; stored without leading and trailing white space */
    public UserInfo rename(Principal user, String displayName) {
        String name = displayName.strip();
        if (!changes.rename(user.username(), name, clock.instant())) {
            throw AuthManager.sessionExpired();
        }
        log.info("display name changed by its user: user={}", user.username());
        return new UserInfo(user.username(), name);
    }

    /** The password that confirms deleting the account; throws unless it is right. */
    public void confirmPassword(Principal user, String password, String address) {
        Account account = accounts.findByUsername(user.username()).orElseThrow(AuthManager::sessionExpired);
        currentPassword.check(account, password, address, "account deletion");
    }

    /** Deletes the account (after {@link #confirmPassword}); its channels go as the admin's deletion says. */
    public void delete(Principal user, String address) {
        Deletion d = changes.delete(user.username(), clock.instant()).orElseThrow(AuthManager::sessionExpired);
        log.info("account deleted by its user: user={} address={} channelsHandedOver={} channelsDeleted={} sessionsEnded={}",
                user.username(), address, d.channelsHandedOver().size(), d.channelsDeleted().size(), d.sessionsEnded());
    }

    /** Everything kept about the user, naming no one else. {@code channels}: theirs, as channels_list shows them. */
    public CompletableFuture<AccountData> export(Principal user, List<ChannelInfo> channels) {
        Account account = accounts.findByUsername(user.username()).orElseThrow(AuthManager::sessionExpired);
        List<AccountData.Session> ownSessions = sessions.listOf(user.username(), Protocol.MAX_EXPORT_SESSIONS).stream()
                .map(s -> new AccountData.Session(s.createdAt().toEpochMilli(), s.expiresAt().toEpochMilli(),
                        s.tokenHash().equals(user.sessionId())))
                .toList();
        List<AccountData.Channel> ownChannels = channels.stream()
                .map(c -> new AccountData.Channel(c.name(), c.owner().equals(user.username())))
                .toList();
        AccountData.Profile profile = new AccountData.Profile(account.username(), account.displayName(),
                account.email(), account.createdAt().toEpochMilli());
        return history.export(user.username()).thenApply(calls -> new AccountData(clock.millis(), profile, ownChannels,
                ownSessions, calls.calls(), calls.more()));
    }
}
