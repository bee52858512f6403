package app.duet.server.config;

import picocli.CommandLine.Option;

/** The SMTP relay and e-mail verification of new accounts (docs/decisions/0017-email-verification.md). */
public final class MailOptions {
    public static final String PASSWORD_OPTION = "--smtp-password";

    @Option(names = "--smtp-host", description = "SMTP relay for reset codes and verification codes; without it, "
            + "reset codes come from the reset-code command and e-mail addresses are not verified.")
    String host;

    @Option(names = "--smtp-port", defaultValue = "" + MailSettings.DEFAULT_PORT,
            description = "SMTP port (default: ${DEFAULT-VALUE}; 465 with --smtp-tls).")
    int port;

    @Option(names = "--smtp-username", description = "SMTP login, if the relay needs one.")
    String username;

    /** Hidden, and refused on the command line (see Main), where other users of the machine could read it. */
    @Option(names = PASSWORD_OPTION, hidden = true)
    String password;

    @Option(names = "--smtp-from", paramLabel = "ADDRESS", description = "Sender address of the server's mails.")
    String from;

    @Option(names = "--smtp-starttls", defaultValue = "true", arity = "1",
            description = "Require STARTTLS to the SMTP relay (default: ${DEFAULT-VALUE}).")
    boolean startTls;

    @Option(names = "--smtp-tls", defaultValue = "false", arity = "0..1",
            description = "TLS from the first byte (SMTPS, usually port 465) instead of STARTTLS (default: ${DEFAULT-VALUE}).")
    boolean tls;

    @Option(names = "--verify-email", defaultValue = "false", arity = "0..1",
            description = "New accounts verify their e-mail address with a mailed code before they can sign in; "
                    + "needs --smtp-host (default: ${DEFAULT-VALUE}).")
    boolean verifyEmail;

    MailSettings settings() {
        MailSettings.Security security = tls ? MailSettings.Security.TLS
                : startTls ? MailSettings.Security.STARTTLS : MailSettings.Security.NONE;
        return new MailSettings(blankToNull(host), port, security, blankToNull(username), password, blankToNull(from),
                verifyEmail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
