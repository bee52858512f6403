package app.duet.client.call.peer;

import app.duet.client.call.stats.SenderSettings;

import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes {@link SenderSettings} into a video sender's encoding parameters. */
final class VideoSenderTuner {

    private static final Logger LOG = LoggerFactory.getLogger(VideoSenderTuner.class);

    private VideoSenderTuner() {
    }

    static void apply(RTCRtpSender sender, SenderSettings settings) {
        RTCRtpSendParameters parameters = sender.getParameters();
        if (parameters == null || parameters.encodings == null || parameters.encodings.isEmpty()) {
            return;
        }
        for (RTCRtpEncodingParameters encoding : parameters.encodings) {
            encoding.scaleResolutionDownBy = settings.scaleResolutionDownBy();
            encoding.maxFramerate = settings.maxFramerate();
            encoding.maxBitrate = settings.maxBitrateBps();
        }
        sender.setParameters(parameters);
        LOG.info("Outgoing video adapted: scale 1/{}, up to {} fps, {} kbps", settings.scaleResolutionDownBy(),
                settings.maxFramerate(), settings.maxBitrateBps() / 1000);
    }
}
