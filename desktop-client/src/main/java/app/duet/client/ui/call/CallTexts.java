package app.duet.client.ui.call;

import java.time.Duration;
import java.util.Locale;

import app.duet.client.call.CallEnd;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.protocol.ErrorCode;

/** The words and numbers the call screen shows; pure functions, tested without JavaFX. */
final class CallTexts {
    private CallTexts() {
    }

    static String status(CallState state, CallQuality quality) {
        return switch (state) {
            case IDLE, RINGING_OUTGOING, RINGING_INCOMING, ACCEPTED, NEGOTIATING -> "Connecting…";
            case CONNECTED -> quality != null && quality.path() == CallQuality.NetworkPath.RELAY
                    ? "Connected · relayed" : "Connected";
            case RECONNECTING -> "Reconnecting…";
            case ENDED -> "Call ended";
        };
    }

    static String grade(CallQuality quality) {
        if (quality == null) {
            return "Quality: measuring";
        }
        return switch (quality.grade()) {
            case GOOD -> "Quality: good";
            case FAIR -> "Quality: fair";
            case POOR -> "Quality: poor";
            case UNKNOWN -> "Quality: measuring";
        };
    }

    static String details(CallQuality q) {
        if (q == null) {
            return "No measurements yet.";
        }
        return String.join("\n",
                "Round trip: " + roundTrip(q.roundTripMs()),
                "Packets lost (in / out): " + number(q.incomingLossPercent(), "%") + " / "
                        + number(q.outgoingLossPercent(), "%"),
                "Receiving: " + q.incomingWidth() + "×" + q.incomingHeight() + " at " + number(q.incomingFps(), "fps")
                        + ", " + q.bitrateInKbps() + " kbit/s",
                "Sending: " + q.outgoingWidth() + "×" + q.outgoingHeight() + " at " + number(q.outgoingFps(), "fps")
                        + ", " + q.bitrateOutKbps() + " kbit/s",
                "Path: " + switch (q.path()) {
                    case DIRECT -> "direct";
                    case RELAY -> "through a relay (TURN)";
                    case UNKNOWN -> "unknown";
                } + " (" + q.localCandidateType() + " ↔ " + q.remoteCandidateType() + ")",
                "Video limited by: " + limitation(q.qualityLimitation(), q.availableOutgoingKbps()));
    }

    /** Not yet measured until the first connectivity check returns; a call on one machine takes under a millisecond. */
    static String roundTrip(double ms) {
        if (Double.isNaN(ms)) {
            return "measuring…";
        }
        return ms < 1 ? "< 1 ms" : number(ms, "ms");
    }

    /**
     * Why the encoder sends less than it could (libwebrtc's qualityLimitationReason), in words. "bandwidth" is
     * normal early in a call: the estimate of what the network carries starts low and rises over the first
     * seconds, loss or not.
     */
    static String limitation(String reason, long availableKbps) {
        if (reason == null) {
            return "— (no video sent)";
        }
        return switch (reason) {
            case "none" -> "nothing";
            case "bandwidth" -> "connection speed (" + (availableKbps > 0 ? availableKbps + " kbit/s so far; " : "")
                    + "it rises in the first seconds of a call if the network allows)";
            case "cpu" -> "this computer's processor (the picture is made smaller to keep up)";
            default -> "other";
        };
    }

    static String elapsed(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String number(double value, String unit) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f %s", value, unit);
    }

    /** "900 bytes", "12 KB", "3.4 MB", "1.2 GB" (1 KB = 1024 bytes, as file managers show). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value < 10 ? String.format(java.util.Locale.ROOT, "%.1f", value) : Long.toString(Math.round(value)))
                + " " + units[unit];
    }

    static String transferStatus(app.duet.client.call.model.FileTransferUpdate t) {
        return switch (t.status()) {
            case OFFERED -> t.direction() == app.duet.client.call.model.FileTransferUpdate.Direction.OUTGOING
                    ? "waiting for them to accept" : "waiting for your answer";
            case DECLINED -> "declined";
            case IN_PROGRESS -> Math.round(t.fraction() * 100) + " %";
            case COMPLETED -> "done";
            case FAILED -> "failed" + (t.error() == null ? "" : ": " + t.error());
            case CANCELLED -> "cancelled";
        };
    }

    static String remote(String peer, app.duet.client.call.model.RemoteMediaState state) {
        if (state == null) {
            return "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!state.microphoneOn()) {
            parts.add(peer + " muted their microphone");
        }
        if (state.screenSharing()) {
            parts.add(peer + " is sharing their screen");
        } else if (!state.cameraOn()) {
            parts.add(peer + "'s camera is off");
        }
        return String.join(" · ", parts);
    }

    /** Why a call or ring ended, as the caller or callee is told; null when we ended it ourselves. */
    static String whyEnded(CallEnd how, String peer) {
        return switch (how) {
            case LOCAL_HANGUP -> null;
            case REMOTE_HANGUP -> peer + " hung up.";
            case DECLINED -> peer + " declined the call.";
            case CANCELLED -> peer + " stopped calling.";
            case ANSWERED_ELSEWHERE -> "You answered on another device.";
            case NO_ANSWER -> peer + " didn't answer.";
            case DISCONNECTED -> peer + " lost their connection.";
            case CHANNEL_GONE -> "The channel is gone.";
            case FAILED -> "The call could not be set up. If this keeps happening, a firewall may block it: "
                    + "ask your admin for a TURN server and turn on \"Always relay\" in Settings.";
        };
    }

    static String ringFailure(String peer, Throwable error) {
        Throwable cause = SignalingClient.unwrap(error);
        if (cause instanceof SignalingException.ServerError e && e.code() == ErrorCode.PEER_BUSY) {
            return peer + " is busy in another call. Try again later.";
        }
        if (cause instanceof SignalingException.ServerError e && e.code() == ErrorCode.PEER_OFFLINE) {
            return peer + " is not online right now. Try again when they are.";
        }
        return ErrorMessages.of(cause).full();
    }
}
