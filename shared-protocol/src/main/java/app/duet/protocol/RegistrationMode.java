package app.duet.protocol;

import com.google.gson.annotations.SerializedName;

/**
 * Who may create an account with {@code signup}: the server's {@code --registration open|invite|closed},
 * announced in the reply to {@code hello} so the sign-up screen can ask for an invite or explain.
 */
public enum RegistrationMode {
    /** Anyone who reaches the server. */
    @SerializedName("open") OPEN,
    /** Only with a registration invite from {@code duet-server invite create}. */
    @SerializedName("invite") INVITE,
    /** Nobody: the admin adds users with {@code duet-server user add}. */
    @SerializedName("closed") CLOSED
}
