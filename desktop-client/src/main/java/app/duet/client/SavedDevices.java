package app.duet.client;

import app.duet.client.call.media.MediaEngine;
import app.duet.client.config.ClientSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the microphone and speaker saved in Settings back in use when the app starts (the camera goes into
 * the call settings instead). Device calls may block: run it off the FX thread.
 */
final class SavedDevices {
    private static final Logger LOG = LoggerFactory.getLogger(SavedDevices.class);

    private SavedDevices() {
    }

    static void apply(ClientSettings settings, MediaEngine media) {
        settings.microphoneChoice().filter(id -> !media.selectMicrophone(id))
                .ifPresent(id -> LOG.warn("The saved microphone {} is not connected; using the default one", id));
        settings.speakerChoice().filter(id -> !media.selectSpeaker(id))
                .ifPresent(id -> LOG.warn("The saved speaker {} is not connected; using the default one", id));
    }
}
