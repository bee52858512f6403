package app.duet.client;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.client.instance.InstanceAddress;
import app.duet.client.instance.InstanceMessage;
import app.duet.client.instance.RunningInstance;
import app.duet.client.instance.SingleInstance;

/** The single-instance claim as the launcher and the app make it, for the config dir the flags name. */
final class Instances {
    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    private Instances() {
    }

    /**
     * Becomes the running Duet, or hands this start's link (or "show") to the one running and returns empty.
     * When that cannot be found out (no socket support, a running Duet that does not answer), this start runs
     * on its own rather than not at all.
     */
    static Claim claim(ClientOptions options, Map<String, String> env) {
        try {
            InstanceAddress address = InstanceAddress.of(options.configDir(env, System.getProperty("user.home")), env,
                    System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
            Optional<RunningInstance> running = SingleInstance.claim(address, InstanceMessage.of(options.link().orElse(null)));
            return running.map(Claim::asRunning).orElseGet(Claim::toOther);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not check for a running Duet; starting anyway", e);
            return new Claim(Optional.empty(), false);
        }
    }

    /** The launcher's early check, so a second start hands over before JavaFX starts. */
    static boolean handedOver(ClientOptions options, Map<String, String> env) {
        Claim claim = claim(options, env);
        claim.running().ifPresent(RunningInstance::close); // the app claims again for itself
        return claim.handedOver();
    }

    /** {@code running}: this is the running Duet; {@code handedOver}: another one took this start's message. */
    record Claim(Optional<RunningInstance> running, boolean handedOver) {
        static Claim asRunning(RunningInstance instance) {
            return new Claim(Optional.of(instance), false);
        }

        static Claim toOther() {
            return new Claim(Optional.empty(), true);
        }
    }
}
