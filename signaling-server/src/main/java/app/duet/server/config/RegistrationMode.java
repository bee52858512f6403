package app.duet.server.config;

/** Who may create an account with {@code signup}: {@code --registration open|invite|closed}. */
public enum RegistrationMode {
    /** Anyone who reaches the server. */
    OPEN,
    /** Only with a registration invite from {@code duet-server invite create}. */
    INVITE,
    /** Nobody: the admin adds users with {@code duet-server user add}. */
    CLOSED
}
