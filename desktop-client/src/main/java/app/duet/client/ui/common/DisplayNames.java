package app.duet.client.ui.common;

/**
 * Names as the screens show them. A display name comes from another person (through the server, which
 * refuses control, format and bidirectional-override characters, but an older or hostile server may not):
 * it must neither reorder the text around it (U+202E turns "admin\u202Egnp.exe" into "adminexe.png"), nor be
 * invisible, nor push the layout apart.
 */
public final class DisplayNames {
    /** Longer names are cut with an ellipsis; the server allows 64 characters. */
    static final int MAX_CODE_POINTS = 64;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private DisplayNames() {
    }

    /** {@code raw} without control, format (but the joiner emoji need) and line-breaking characters, one line. */
    public static String shown(String raw) {
        if (raw == null) {
            return "(no name)";
        }
        StringBuilder out = new StringBuilder();
        boolean space = false;
        int kept = 0;
        for (int i = 0; i < raw.length() && kept <= MAX_CODE_POINTS; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
            } else if (visible(cp)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
                kept++;
            }
        }
        if (kept > MAX_CODE_POINTS) {
            out.setLength(out.offsetByCodePoints(0, MAX_CODE_POINTS));
            out.append('…');
        }
        return out.length() == 0 || out.codePoints().allMatch(cp -> cp == ZERO_WIDTH_JOINER) ? "(no name)"
                : out.toString();
    }

    private static boolean visible(int cp) {
        int type = Character.getType(cp);
        return switch (type) {
            case Character.CONTROL, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            case Character.FORMAT -> cp == ZERO_WIDTH_JOINER;
            default -> true;
        };
    }
}
