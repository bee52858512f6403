package app.duet.client.ui.common;

/**
 * Something to tell the person: what happened and what to try. Shown in a banner; read by screen readers.
 */
public record UserMessage(Kind kind, String text, String hint) {

    public enum Kind { INFO, SUCCESS, WARNING, ERROR }

    public static UserMessage error(String text, String hint) {
        return new UserMessage(Kind.ERROR, text, hint);
    }

    public static UserMessage warning(String text, String hint) {
        return new UserMessage(Kind.WARNING, text, hint);
    }

    public static UserMessage info(String text) {
        return new UserMessage(Kind.INFO, text, "");
    }

    public static UserMessage success(String text) {
        return new UserMessage(Kind.SUCCESS, text, "");
    }

    /** Both parts as one sentence, for accessible text. */
    public String full() {
        return hint == null || hint.isEmpty() ? text : text + " " + hint;
    }
}
