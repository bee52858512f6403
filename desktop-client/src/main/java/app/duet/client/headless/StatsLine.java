package app.duet.client.headless;

import java.util.Locale;

import com.google.gson.JsonObject;

import app.duet.client.call.model.CallQuality;

/** Fills one "stats" JSON line from the engine's quality snapshot and our own measurements. */
final class StatsLine {

    private StatsLine() {
    }

    static void fill(JsonObject line, CallQuality q, FrameProbe.Sample frames, double audioLevel) {
        number(line, "rttMs", q.roundTripMs());
        number(line, "lossInPct", q.incomingLossPercent());
        number(line, "lossOutPct", q.outgoingLossPercent());
        line.addProperty("kbpsIn", q.bitrateInKbps());
        line.addProperty("kbpsOut", q.bitrateOutKbps());
        line.add("videoIn", video(q.incomingWidth(), q.incomingHeight(), q.incomingFps()));
        line.add("videoOut", video(q.outgoingWidth(), q.outgoingHeight(), q.outgoingFps()));
        line.addProperty("path", q.path().name().toLowerCase(Locale.ROOT));
        line.addProperty("localCandidate", q.localCandidateType());
        line.addProperty("remoteCandidate", q.remoteCandidateType());
        line.addProperty("limitation", q.qualityLimitation());
        line.addProperty("grade", q.grade().name().toLowerCase(Locale.ROOT));

        JsonObject decoded = new JsonObject();
        decoded.addProperty("frames", frames.frames());
        number(decoded, "fps", frames.fps());
        decoded.addProperty("width", frames.width());
        decoded.addProperty("height", frames.height());
        if (frames.stamp() >= 0) {
            decoded.addProperty("stamp", frames.stamp());
        }
        line.add("rendered", decoded);
        number(line, "audioLevel", audioLevel);
    }

    private static JsonObject video(int width, int height, double fps) {
        JsonObject video = new JsonObject();
        video.addProperty("width", width);
        video.addProperty("height", height);
        number(video, "fps", fps);
        return video;
    }

    /** JSON has no NaN: unknown numbers are null. Two decimals are plenty for people and scripts. */
    private static void number(JsonObject line, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            line.add(name, com.google.gson.JsonNull.INSTANCE);
        } else {
            line.addProperty(name, Math.round(value * 100) / 100.0);
        }
    }
}
