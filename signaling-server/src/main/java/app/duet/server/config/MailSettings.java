package app.duet.server.config;

/**
 * The SMTP relay the server mails through (reset codes, e-mail verification), and whether new accounts must
 * verify their address ({@code verifyEmail}, docs/decisions/0017-email-verification.md). {@link #NONE}: no
 * relay, no verification.
 */
public record MailSettings(String host, int port, Security security, String username, String password, String from,
        boolean verifyEmail) {
    public static final int DEFAULT_PORT = 587;
    public static final MailSettings NONE = new MailSettings(null, DEFAULT_PORT, Security.STARTTLS, null, null, null, false);

    /** How the connection to the relay is protected. */
    public enum Security {
        /** Plain SMTP: only for a relay on this machine or a trusted network. */
        NONE,
        /** STARTTLS required, the relay's certificate checked (port 587). */
        STARTTLS,
        /** TLS from the first byte ("SMTPS", port 465), the relay's certificate checked. */
        TLS
    }

    public MailSettings {
        if (host != null && from == null) {
            throw new IllegalArgumentException("--smtp-host needs --smtp-from");
        }
        if (verifyEmail && host == null) {
            throw new IllegalArgumentException("--verify-email needs an SMTP relay to send the codes: --smtp-host and "
                    + "--smtp-from (see the admin guide, section E-mail)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--smtp-port must be 1-65535, was " + port);
        }
    }

    /** A relay with these settings and no verification; {@link #withVerification} turns it on. */
    public static MailSettings relay(String host, int port, Security security, String username, String password,
            String from) {
        return new MailSettings(host, port, security, username, password, from, false);
    }

    public MailSettings withVerification() {
        return new MailSettings(host, port, security, username, password, from, true);
    }

    public boolean enabled() {
        return host != null;
    }

    @Override
    public String toString() {
        // The password stays out of logs.
        return enabled() ? host + ":" + port + " (" + security + ", verifyEmail=" + verifyEmail + ")" : "off";
    }
}
