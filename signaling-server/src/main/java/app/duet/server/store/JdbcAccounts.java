package app.duet.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class JdbcAccounts implements Accounts {
    private static final String COLUMNS = "username, display_name, email, password_hash, created_at, disabled_at";
    private final Jdbc jdbc;

    JdbcAccounts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CreateOutcome create(Account a) {
        return jdbc.inTransaction(c -> {
            CreateOutcome taken = taken(c, a);
            return taken != null ? taken : insert(c, a);
        });
    }

    @Override
    public CreateOutcome createWithInvite(Account a, String inviteTokenHash, Instant now) {
        // One transaction that holds the write lock from its start: a use is taken only with the account.
        return jdbc.inTransaction(c -> {
            CreateOutcome taken = taken(c, a);
            if (taken != null) {
                return taken;
            }
            return useInvite(c, inviteTokenHash, now) ? insert(c, a) : CreateOutcome.INVITE_INVALID;
        });
    }

    @Override
    public CreateOutcome createUnverified(Account a, String inviteTokenHash, EmailVerifications.PendingCode code,
            Instant now) {
        return jdbc.inTransaction(c -> {
            CreateOutcome taken = taken(c, a);
            if (taken != null) {
                return taken;
            }
            if (inviteTokenHash != null && !useInvite(c, inviteTokenHash, now)) {
                return CreateOutcome.INVITE_INVALID;
            }
            insert(c, a);
            JdbcEmailVerifications.insert(c, code);
            return CreateOutcome.CREATED;
        });
    }

    @Override
    public List<Account> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM accounts ORDER BY username", JdbcAccounts::account);
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM accounts WHERE username = ?", JdbcAccounts::account, username);
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM accounts WHERE email = ?", JdbcAccounts::account,
                email.toLowerCase(Locale.ROOT));
    }

    @Override
    public void updatePasswordHash(String username, String passwordHash) {
        jdbc.update("UPDATE accounts SET password_hash = ? WHERE username = ?", passwordHash, username);
    }

    private static boolean useInvite(Connection c, String inviteTokenHash, Instant now) throws SQLException {
        return Jdbc.update(c, """
                UPDATE registration_invites SET uses = uses + 1
                WHERE token_hash = ? AND uses < max_uses AND revoked_at IS NULL AND expires_at > ?""",
                inviteTokenHash, now.toEpochMilli()) == 1;
    }

    /** USERNAME_TAKEN, EMAIL_TAKEN, or null if the account can be created. */
    private static CreateOutcome taken(Connection c, Account a) throws SQLException {
        if (!Jdbc.query(c, "SELECT 1 FROM accounts WHERE username = ?", row -> 1, a.username()).isEmpty()) {
            return CreateOutcome.USERNAME_TAKEN;
        }
        String email = a.email().toLowerCase(Locale.ROOT);
        if (!Jdbc.query(c, "SELECT 1 FROM accounts WHERE email = ?", row -> 1, email).isEmpty()) {
            return CreateOutcome.EMAIL_TAKEN;
        }
        return null;
    }

    private static CreateOutcome insert(Connection c, Account a) throws SQLException {
        Jdbc.update(c, "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                a.username(), a.displayName(), a.email().toLowerCase(Locale.ROOT), a.passwordHash(),
                a.createdAt().toEpochMilli(),
                a.disabledAt() == null ? null : a.disabledAt().toEpochMilli());
        return CreateOutcome.CREATED;
    }

    static Account account(ResultSet row) throws SQLException {
        long disabledMillis = row.getLong(6);
        Instant disabledAt = row.wasNull() ? null : Instant.ofEpochMilli(disabledMillis);
        return new Account(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                Instant.ofEpochMilli(row.getLong(5)), disabledAt);
    }
}
