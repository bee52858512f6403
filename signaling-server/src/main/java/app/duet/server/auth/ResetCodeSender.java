package app.duet.server.auth;

import app.duet.server.store.Accounts.Account;
import java.time.Duration;

/** Delivers a password reset code to the account's owner. */
public interface ResetCodeSender {
    void send(Account account, String code, Duration validFor);
}
