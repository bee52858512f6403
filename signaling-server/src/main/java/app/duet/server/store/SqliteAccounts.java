package app.duet.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

final class SqliteAccounts implements Accounts {
    private static final String COLUMNS = "username, display_name, email, password_hash, created_at";
    private final Jdbc jdbc;

    SqliteAccounts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CreateOutcome create(Account a) {
        String email = a.email().toLowerCase(Locale.ROOT);
        return jdbc.inTransaction(c -> {
            if (!Jdbc.query(c, "SELECT 1 FROM accounts WHERE username = ?", row -> 1, a.username()).isEmpty()) {
                return CreateOutcome.USERNAME_TAKEN;
            }
            if (!Jdbc.query(c, "SELECT 1 FROM accounts WHERE email = ?", row -> 1, email).isEmpty()) {
                return CreateOutcome.EMAIL_TAKEN;
            }
            Jdbc.update(c, "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                    a.username(), a.displayName(), email, a.passwordHash(), a.createdAt().toEpochMilli());
            return CreateOutcome.CREATED;
        });
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM accounts WHERE username = ?", SqliteAccounts::account, username);
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM accounts WHERE email = ?", SqliteAccounts::account,
                email.toLowerCase(Locale.ROOT));
    }

    @Override
    public void updatePasswordHash(String username, String passwordHash) {
        jdbc.update("UPDATE accounts SET password_hash = ? WHERE username = ?", passwordHash, username);
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                Instant.ofEpochMilli(row.getLong(5)));
    }
}
