package app.duet.server.config;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Who may create an account with {@code signup}: {@code --registration open|invite|closed}. */
public enum RegistrationMode {
    /** Anyone who reaches the server. */
    OPEN,
    /** Only with a registration invite from {@code duet-server invite create}. */
    INVITE,
    /** Nobody: the admin adds users with {@code duet-server user add}. */
    CLOSED;

    /** Reads {@code open}, {@code invite} or {@code closed}, in any case (flag, environment or file). */
    static final class Parser implements ITypeConverter<RegistrationMode> {
        @Override
        public RegistrationMode convert(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not open, invite or closed");
            }
        }
    }
}
