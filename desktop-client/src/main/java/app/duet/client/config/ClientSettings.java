package app.duet.client.config;

import java.util.Optional;

/**
 * What the user chose in Settings; persisted by {@link SettingsStore}. Device fields hold a device
 * name, empty meaning "system default". {@code desktop}: notifications, tray and do not disturb.
 */
public record ClientSettings(String serverUri, Theme theme, boolean forceRelay, boolean ringSound,
                             String camera, String microphone, String speaker, DesktopSettings desktop) {

    public enum Theme { LIGHT, DARK }

    public ClientSettings {
        camera = camera == null ? "" : camera;
        microphone = microphone == null ? "" : microphone;
        speaker = speaker == null ? "" : speaker;
        desktop = desktop == null ? DesktopSettings.DEFAULTS : desktop;
    }

    public static ClientSettings defaults(String serverUri) {
        return new ClientSettings(serverUri, Theme.LIGHT, false, true, "", "", "", DesktopSettings.DEFAULTS);
    }

    public ClientSettings withServerUri(String uri) {
        return new ClientSettings(uri, theme, forceRelay, ringSound, camera, microphone, speaker, desktop);
    }

    public ClientSettings withTheme(Theme value) {
        return new ClientSettings(serverUri, value, forceRelay, ringSound, camera, microphone, speaker, desktop);
    }

    public ClientSettings withForceRelay(boolean value) {
        return new ClientSettings(serverUri, theme, value, ringSound, camera, microphone, speaker, desktop);
    }

    public ClientSettings withRingSound(boolean value) {
        return new ClientSettings(serverUri, theme, forceRelay, value, camera, microphone, speaker, desktop);
    }

    public ClientSettings withDevices(String cameraName, String microphoneName, String speakerName) {
        return new ClientSettings(serverUri, theme, forceRelay, ringSound, cameraName, microphoneName, speakerName, desktop);
    }

    public ClientSettings withDesktop(DesktopSettings value) {
        return new ClientSettings(serverUri, theme, forceRelay, ringSound, camera, microphone, speaker, value);
    }

    public Optional<String> cameraChoice() {
        return camera.isEmpty() ? Optional.empty() : Optional.of(camera);
    }

    public Optional<String> microphoneChoice() {
        return microphone.isEmpty() ? Optional.empty() : Optional.of(microphone);
    }

    public Optional<String> speakerChoice() {
        return speaker.isEmpty() ? Optional.empty() : Optional.of(speaker);
    }
}
