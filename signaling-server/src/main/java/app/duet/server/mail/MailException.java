package app.duet.server.mail;

/** The mail did not reach the relay: {@code addressRefused} when the relay refused the recipient's address. */
public final class MailException extends RuntimeException {
    private final boolean addressRefused;

    public MailException(String message, boolean addressRefused, Throwable cause) {
        super(message, cause);
        this.addressRefused = addressRefused;
    }

    public boolean addressRefused() {
        return addressRefused;
    }
}
