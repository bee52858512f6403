package app.duet.server.auth;

import app.duet.server.store.Accounts.Account;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mails reset codes through an SMTP server (Jakarta Mail / Angus). Blocking: run on a worker. */
public final class SmtpResetCodeSender implements ResetCodeSender {
    private static final Logger log = LoggerFactory.getLogger(SmtpResetCodeSender.class);
    private static final int TIMEOUT_MS = 10_000;

    private final Session session;
    private final String from;

    public SmtpResetCodeSender(String host, int port, String username, String password, String from, boolean startTls) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
        props.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
        props.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
        if (startTls) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (username != null) {
            props.put("mail.smtp.auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
        this.from = from;
    }

    @Override
    public void send(Account account, String code, Duration validFor) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(account.email()));
            message.setSubject("Your Duet password reset code");
            message.setText("Hello " + account.displayName() + ",\n\n"
                    + "someone (hopefully you) asked to reset the password of the Duet account '" + account.username()
                    + "'.\n\nYour reset code is: " + code + "\n\n"
                    + "It works once, for " + validFor.toMinutes() + " minutes. If you did not ask for it, ignore this "
                    + "mail; your password has not changed.\n", "UTF-8");
            Transport.send(message);
            log.info("reset code mailed to the owner of '{}'", account.username());
        } catch (MessagingException e) {
            log.error("could not mail the reset code for '{}': {}", account.username(), e.getMessage());
        }
    }
}
