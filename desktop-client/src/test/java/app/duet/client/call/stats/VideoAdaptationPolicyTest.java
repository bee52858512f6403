package app.duet.client.call.stats;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallQuality.NetworkPath;

import org.junit.jupiter.api.Test;

class VideoAdaptationPolicyTest {

    private static CallQuality sending(String reason, double fps) {
        return new CallQuality(0, 20, 0, 0, 1000, 1000, 640, 480, 30, 640, 480, fps, NetworkPath.DIRECT,
                "host", "host", null, reason, 2000);
    }

    @Test
    void steps_down_after_sustained_bandwidth_limit_and_back_up_when_clean() {
        VideoAdaptationPolicy policy = warmedUp();
        assertThat(policy.next(sending("bandwidth", 10))).as("one snapshot is not enough").isNull();
        SenderSettings down = policy.next(sending("bandwidth", 10));
        assertThat(down.scaleResolutionDownBy()).isEqualTo(1.5);
        assertThat(down.maxFramerate()).isEqualTo(30);

        SenderSettings up = null;
        for (int i = 0; i < VideoAdaptationPolicy.CLEAN_SNAPSHOTS_TO_STEP_UP && up == null; i++) {
            up = policy.next(sending("none", 30));
        }
        assertThat(up.scaleResolutionDownBy()).isEqualTo(1.0);
    }

    private static VideoAdaptationPolicy warmedUp() {
        VideoAdaptationPolicy policy = new VideoAdaptationPolicy(30, 2_500_000);
        for (int i = 0; i < VideoAdaptationPolicy.WARM_UP_SNAPSHOTS; i++) {
            assertThat(policy.next(sending("bandwidth", 2))).as("warm-up decides nothing").isNull();
        }
        return policy;
    }

    @Test
    void a_limit_at_full_frame_rate_is_bandwidth_ramp_up_not_starvation() {
        VideoAdaptationPolicy policy = new VideoAdaptationPolicy(30, 2_500_000);
        for (int i = 0; i < 10; i++) {
            assertThat(policy.next(sending("bandwidth", 29))).isNull();
        }
        assertThat(policy.current().scaleResolutionDownBy()).isEqualTo(1.0);
    }

    @Test
    void cpu_limits_also_halve_the_frame_rate_and_never_scale_past_the_last_step() {
        VideoAdaptationPolicy policy = new VideoAdaptationPolicy(30, 2_500_000);
        for (int i = 0; i < 20; i++) {
            policy.next(sending("cpu", 5));
        }
        assertThat(policy.current().scaleResolutionDownBy()).isEqualTo(4.0);
        assertThat(policy.current().maxFramerate()).isEqualTo(15);
    }

    @Test
    void low_frame_rate_without_a_reason_does_not_step_up_and_no_video_changes_nothing() {
        VideoAdaptationPolicy policy = warmedUp();
        policy.next(sending("bandwidth", 10));
        policy.next(sending("bandwidth", 10));
        for (int i = 0; i < 20; i++) {
            assertThat(policy.next(sending("none", 12))).isNull();
        }
        assertThat(policy.next(sending(null, 0))).isNull();
    }
}
