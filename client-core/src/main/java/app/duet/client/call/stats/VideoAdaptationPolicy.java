package app.duet.client.call.stats;

import app.duet.client.call.model.CallQuality;

/**
 * Decides how far to scale down the outgoing video. {@code CustomVideoSource} never scales by itself (a
 * starved encoder just drops to a few fps), so when the encoder reports a bandwidth or CPU limit and sends
 * well below the target frame rate for a few snapshots in a row we lower the resolution one step, and when it has run unlimited at full frame rate
 * for a while we raise it again. CPU limits also lower the frame rate. Pure logic, fed once per snapshot.
 */
public final class VideoAdaptationPolicy {

    static final double[] SCALE_STEPS = {1.0, 1.5, 2.0, 3.0, 4.0};
    static final int LIMITED_SNAPSHOTS_TO_STEP_DOWN = 2;
    static final int CLEAN_SNAPSHOTS_TO_STEP_UP = 6;
    static final double STARVING_FPS_SHARE = 0.75;
    /** The first snapshots of a stream show a frame rate still ramping up; they decide nothing. */
    static final int WARM_UP_SNAPSHOTS = 3;

    private final double targetFps;
    private final int maxBitrateBps;
    private int step;
    private boolean cpuLimited;
    private int limitedStreak;
    private int cleanStreak;
    private int seen;

    public VideoAdaptationPolicy(double targetFps, int maxBitrateBps) {
        this.targetFps = targetFps;
        this.maxBitrateBps = maxBitrateBps;
    }

    public SenderSettings current() {
        return new SenderSettings(SCALE_STEPS[step], cpuLimited ? Math.max(10, targetFps / 2) : targetFps, maxBitrateBps);
    }

    /** Feeds one snapshot; returns new settings when they changed, else null. */
    public SenderSettings next(CallQuality quality) {
        String reason = quality.qualityLimitation();
        if (reason == null || ++seen <= WARM_UP_SNAPSHOTS) {
            return null; // no video being sent, or too early to judge
        }
        SenderSettings before = current();
        // A limit alone is normal while bandwidth estimation ramps up; only a starving frame rate means the
        // encoder cannot keep this resolution.
        boolean starving = quality.outgoingFps() < STARVING_FPS_SHARE * before.maxFramerate();
        if ((reason.equals("bandwidth") || reason.equals("cpu")) && starving) {
            cleanStreak = 0;
            if (++limitedStreak >= LIMITED_SNAPSHOTS_TO_STEP_DOWN) {
                limitedStreak = 0;
                step = Math.min(SCALE_STEPS.length - 1, step + 1);
                cpuLimited |= reason.equals("cpu");
            }
        } else {
            limitedStreak = 0;
            boolean fullRate = quality.outgoingFps() >= 0.8 * current().maxFramerate();
            cleanStreak = fullRate ? cleanStreak + 1 : 0;
            if (cleanStreak >= CLEAN_SNAPSHOTS_TO_STEP_UP && (step > 0 || cpuLimited)) {
                cleanStreak = 0;
                if (cpuLimited) {
                    cpuLimited = false;
                } else {
                    step--;
                }
            }
        }
        SenderSettings after = current();
        return after.equals(before) ? null : after;
    }
}
