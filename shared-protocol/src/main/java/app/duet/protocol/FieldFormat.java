package app.duet.protocol;

import java.util.Set;
import java.util.function.Predicate;
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
    /** An invite token (see {@link InviteLink}): URL-safe and long enough not to be guessed. */
    INVITE_TOKEN("^[A-Za-z0-9_-]{16,64}$", "16-64 characters: letters, digits, '_' or '-'"),
    /** Something@something, no spaces. */
    EMAIL("^[^@\\s]+@[^@\\s]+$", "an e-mail address like name@example.org"),
    /** See {@link #isDisplayable}. */
    DISPLAY_NAME(FieldFormat::isDisplayable,
            "some visible characters, without control characters, line breaks or bidirectional controls");

    /**
     * The bidirectional formatting characters (general category Cf): embeddings, overrides and isolates,
     * and the implicit marks. They reorder what follows them on screen ({@code admin\u202Egnp.exe} shows
     * as "adminexe.png"), so a name could pose as another.
     */
    private static final Set<Integer> BIDI_CONTROLS = Set.of(
            0x061C, // ARABIC LETTER MARK
            0x200E, 0x200F, // LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, // LRE, RLE, PDF, LRO, RLO
            0x2066, 0x2067, 0x2068, 0x2069); // LRI, RLI, FSI, PDI

    private final Predicate<String> rule;
    private final String description;

    FieldFormat(String regex, String description) {
        this(Pattern.compile(regex).asMatchPredicate(), description);
    }

    FieldFormat(Predicate<String> rule, String description) {
        this.rule = rule;
        this.description = description;
    }

    public boolean matches(String value) {
        return value != null && rule.test(value);
    }

    /** A phrase for error messages and hints. */
    public String description() {
        return description;
    }

    /**
     * A display name, judged by code point: none may be an unpaired surrogate, a control character (Cc,
     * C0 and C1), a line or paragraph separator (Zl, Zp) or a bidirectional control; and at least one must
     * be visible, i.e. neither a space (Zs) nor an invisible format character (Cf, e.g. a zero-width space).
     * Format characters inside a visible name stay allowed: emoji and several scripts need the zero-width
     * joiner.
     */
    static boolean isDisplayable(String name) {
        boolean visible = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            int category = Character.getType(cp);
            if (category == Character.SURROGATE // unpaired: a pair is read as one code point
                    || category == Character.CONTROL
                    || category == Character.LINE_SEPARATOR || category == Character.PARAGRAPH_SEPARATOR
                    || BIDI_CONTROLS.contains(cp)) {
                return false;
            }
            visible |= category != Character.SPACE_SEPARATOR && category != Character.FORMAT;
        }
        return visible;
    }
}
