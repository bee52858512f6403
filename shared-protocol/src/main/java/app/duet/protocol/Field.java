package app.duet.protocol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rules for one record component, checked by the codec. Without annotations a component is required,
 * a string must be non-empty and at most {@link Protocol#MAX_STRING_LENGTH} characters, a number must
 * be zero or more.
 */
public final class Field {
    private Field() {
    }

    /** The field may be absent or null. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Optional {
    }

    /** The string may be empty (an empty ICE candidate means "end of candidates"). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface MayBeEmpty {
    }

    /** Longest allowed string, in characters. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface MaxLength {
        int value();
    }

    /** The string must have this format. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Format {
        FieldFormat value();
    }
}
