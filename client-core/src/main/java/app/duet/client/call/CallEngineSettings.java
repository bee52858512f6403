package app.duet.client.call;

import java.nio.file.Path;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaSettings;

/**
 * Settings of the call engine.
 *
 * @param media       what local media calls start with (camera or synthetic, size, fps)
 * @param audioMode   real devices when available, or headless (tests, headless client)
 * @param forceRelay  relay all media through TURN
 * @param downloadDir where received files go
 */
public record CallEngineSettings(MediaSettings media, AudioMode audioMode, boolean forceRelay, Path downloadDir) {

    public static CallEngineSettings defaults(String displayName, Path downloadDir) {
        return new CallEngineSettings(MediaSettings.defaults(displayName), AudioMode.AUTO, false, downloadDir);
    }
}
