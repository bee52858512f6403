package app.duet.server.mail;

/** Sends one plain-text mail. Blocking (network): run on a worker. */
public interface Mailer {
    /** Throws {@link MailException} when the relay cannot be reached or refuses the mail. */
    void send(String to, String subject, String text);
}
