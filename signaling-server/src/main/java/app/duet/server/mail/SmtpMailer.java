package app.duet.server.mail;

import app.duet.server.config.MailSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Mails through the configured SMTP relay with Jakarta Mail (Eclipse Angus). STARTTLS or TLS check the relay's
 * certificate against the JVM's trust store, and its host name; never trust-all.
 */
public final class SmtpMailer implements Mailer {
    /** A relay that does not answer within this fails the request instead of holding a worker. */
    private static final int TIMEOUT_MS = 10_000;

    private final Session session;
    private final InternetAddress from;

    public SmtpMailer(MailSettings settings) {
        Properties props = new Properties();
        String protocol = settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        props.put(prefix + "host", settings.host());
        props.put(prefix + "port", String.valueOf(settings.port()));
        props.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT_MS));
        props.put(prefix + "timeout", String.valueOf(TIMEOUT_MS));
        props.put(prefix + "writetimeout", String.valueOf(TIMEOUT_MS));
        switch (settings.security()) {
            case STARTTLS -> {
                props.put(prefix + "starttls.enable", "true");
                props.put(prefix + "starttls.required", "true");
                props.put(prefix + "ssl.checkserveridentity", "true");
            }
            case TLS -> props.put(prefix + "ssl.checkserveridentity", "true");
            case NONE -> { }
        }
        Authenticator authenticator = null;
        if (settings.username() != null) {
            props.put(prefix + "auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), settings.password());
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("--smtp-from is not an e-mail address: " + settings.from(), e);
        }
    }

    @Override
    public void send(String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
        } catch (SendFailedException e) {
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new MailException(refused ? "the relay refused the address" : e.getMessage(), refused, e);
        } catch (AddressException e) {
            throw new MailException("not an e-mail address", true, e);
        } catch (MessagingException e) {
            throw new MailException(e.getMessage(), false, e);
        }
    }
}
