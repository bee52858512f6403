package app.duet.client.ui.common;

import app.duet.client.signaling.SignalingException;
import app.duet.protocol.ErrorCode;

/** Turns failures into sentences a person can act on: what went wrong, and what to try. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static UserMessage of(Throwable failure) {
        Throwable t = Background.cause(failure);
        if (t instanceof SignalingException.ServerError e) {
            return of(e.code(), e.getMessage());
        }
        if (t instanceof SignalingException.Unreachable) {
            return UserMessage.error("Can't reach the Duet server.",
                    "Check the server address and your network, then try again. Duet keeps retrying in the background.");
        }
        if (t instanceof SignalingException.ConnectionLost) {
            return UserMessage.error("The connection to the server dropped before it answered.",
                    "Duet is reconnecting; try again in a moment.");
        }
        if (t instanceof SignalingException.Timeout) {
            return UserMessage.error("The server took too long to answer.",
                    "It may be busy or your network slow. Try again.");
        }
        if (t instanceof SignalingException.Refused) {
            return UserMessage.error("The server has too many connections from your network right now.",
                    "Close Duet on other devices or windows on this network, or ask the server's admin to raise "
                    + "the limit. Duet tries again in a few minutes; \"Retry now\" tries at once.");
        }
        if (t instanceof SignalingException.Incompatible) {
            return UserMessage.error("This server runs a different version of Duet.", "Update Duet, or ask the server's admin.");
        }
        if (t instanceof SignalingException.Closed) {
            return UserMessage.error("Duet is not connected to a server.", "Check the server address in Settings.");
        }
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return UserMessage.error("Something went wrong: " + detail, "Try again; if it keeps happening, restart Duet.");
    }

    /** The sentence for a server error code; {@code serverText} is used where the server knows better. */
    public static UserMessage of(ErrorCode code, String serverText) {
        return switch (code) {
            case WRONG_CREDENTIALS -> UserMessage.error("Wrong username or password.",
                    "Check both, mind Caps Lock, or use \"Forgot password\".");
            case LOGIN_THROTTLED -> UserMessage.error("Too many failed attempts.",
                    "Wait a few minutes before trying again, or reset your password.");
            case USERNAME_TAKEN -> UserMessage.error("That username is taken.", "Pick another one.");
            case EMAIL_TAKEN -> UserMessage.error("An account already uses that e-mail address.",
                    "Log in instead, or reset the password of that account.");
            case WEAK_PASSWORD -> UserMessage.error("That password is too weak.", serverText);
            case INVALID_FIELD -> UserMessage.error("Some of what you typed is not accepted.", serverText);
            case SESSION_EXPIRED, NOT_AUTHENTICATED -> UserMessage.error("Your session has ended.", "Log in again.");
            case INVALID_RESET_CODE -> UserMessage.error("That reset code is wrong or has expired.",
                    "Check the code in your e-mail, or request a new one.");
            case EMAIL_UNVERIFIED -> UserMessage.error("Your e-mail address is not verified yet.", serverText);
            case INVALID_VERIFICATION_CODE -> UserMessage.error("That code does not work.", serverText);
            case EMAIL_NOT_SENT -> UserMessage.error("The e-mail could not be sent.", serverText);
            case CHANNEL_EXISTS -> UserMessage.error("A channel with that name already exists.",
                    "Join it instead, or choose another name.");
            case CHANNEL_NOT_FOUND -> UserMessage.error("There is no channel with that name.",
                    "Check the spelling with the person you want to meet, or create it.");
            case CHANNEL_FULL -> UserMessage.error("That channel is full: it already has two people.",
                    "Duet channels are for two. Ask the owner, or create a new channel.");
            case NOT_A_MEMBER -> UserMessage.error("You are not a member of that channel.", "Join it first.");
            case NOT_OWNER -> UserMessage.error("Only the channel's owner can do that.", "");
            case PEER_OFFLINE -> UserMessage.error("The other person is not online.", "Try again when they are.");
            case PEER_BUSY -> UserMessage.error("The other person is busy in another call.", "Try again later.");
            case CALL_NOT_FOUND -> UserMessage.error("That call has already ended.", "");
            case LIMIT_REACHED -> UserMessage.error("You've reached a limit on this server.", serverText);
            case RATE_LIMITED -> UserMessage.error("You are doing that too fast.", "Wait a moment and try again.");
            case UNSUPPORTED_VERSION -> UserMessage.error("This server runs a different version of Duet.",
                    "Update Duet, or ask the server's admin.");
            case INTERNAL -> UserMessage.error("The server had a problem.", "Try again in a moment.");
            case ACCOUNT_DISABLED -> UserMessage.error("This account is disabled on this server.",
                    "Ask the server's admin to enable it again.");
            case REGISTRATION_CLOSED -> UserMessage.error("This server does not take new accounts.",
                    "Ask the server's admin to create one for you.");
            case INVITE_REQUIRED -> UserMessage.error("This server takes new accounts by invitation only.",
                    "Ask the server's admin for an invite.");
            case INVITE_INVALID -> UserMessage.error("That invite is not valid any more.",
                    "It may be used up, expired or revoked; ask for a new one.");
            case CHANNEL_INVITE_REQUIRED -> UserMessage.error("That channel is private.",
                    "Paste the invite link its owner sent you, or ask the owner to let you in.");
            case INVITE_EXPIRED -> UserMessage.error("That invite link has expired.", "Ask the owner for a new one.");
            case INVITE_REVOKED -> UserMessage.error("The owner revoked that invite link.", "Ask the owner for a new one.");
            case INVITE_USED_UP -> UserMessage.error("That invite link was already used.", "Ask the owner for a new one.");
            case CHANNEL_LOCKED -> UserMessage.error("The owner locked that channel: nobody can join it now.", "");
            case REMOVED_FROM_CHANNEL -> UserMessage.error("The owner removed you from that channel.",
                    "An old link does not bring you back; ask the owner to let you in.");
            default -> UserMessage.error(serverText, "Try again.");
        };
    }
}
