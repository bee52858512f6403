package app.duet.protocol;

import java.util.regex.Pattern;

/** Formats of names on the wire. Clients may check these before sending to show a hint early. */
public enum FieldFormat {
    /** 3-32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit. */
    USERNAME("^[a-z0-9][a-z0-9._-]{2,31}$",
            "3-32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"),
    /** 1-48 characters: lower-case letters, digits, '_' or '-', starting with a letter or digit. */
    CHANNEL_NAME("^[a-z0-9][a-z0-9_-]{0,47}$",
            "1-48 characters: lower-case letters, digits, '_' or '-', starting with a letter or digit"),
    /** A call id a caller proposes: long and random enough that two callers never pick the same one. */
    CALL_ID("^[A-Za-z0-9_-]{16,64}$", "16-64 characters: letters, digits, '_' or '-'"),
    /** Something@something, no spaces. */
    EMAIL("^[^@\\s]+@[^@\\s]+$", "an e-mail address like name@example.org"),
    /** Not only white space, no control characters. */
    DISPLAY_NAME("^(?=.*\\S)[^\\p{Cntrl}]+$", "some visible characters, no control characters");

    private final Pattern pattern;
    private final String description;

    FieldFormat(String regex, String description) {
        this.pattern = Pattern.compile(regex);
        this.description = description;
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    /** A phrase for error messages and hints. */
    public String description() {
        return description;
    }
}
