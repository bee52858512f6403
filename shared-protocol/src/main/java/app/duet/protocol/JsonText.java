package app.duet.protocol;

/** Writes a string as a JSON string literal, escaped as gson's writer escapes it. */
final class JsonText {
    private JsonText() {
    }

    static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                // Control characters must be escaped; the two separators end a line in JavaScript.
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
