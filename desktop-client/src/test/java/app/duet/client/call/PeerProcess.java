package app.duet.client.call;

import app.duet.client.testing.Invites;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.model.CallState;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;

/**
 * The far side of {@link TwoProcessCallTest}, run in its own JVM: signs up, joins the channel with the invite
 * token it is given, answers the first call with synthetic media, reports progress as "PEER ..." lines on stdout and exits when the call
 * ends. Exiting at all proves that teardown left no libwebrtc thread behind.
 */
public final class PeerProcess {

    private PeerProcess() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        String user = args[1];
        String channel = args[2];
        String invite = args[3];
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        ExecutorService events = Executors.newSingleThreadExecutor();
        CountDownLatch ended = new CountDownLatch(1);
        Path downloads = Files.createTempDirectory("duet-peer");
        SignalingClient signaling = new SignalingClient(SignalingConfig.defaults(server, "duet-peer-process/1"),
                SessionStore.none(), events);
        signaling.start();
        signaling.signup(user, "Peer " + user, user + "@example.org", "peer process password", false).join();
        Invites.join(signaling, channel, invite);

        CallEngine[] engine = new CallEngine[1];
        CallEngineListener listener = new CallEngineListener() {
            @Override
            public void incomingCall(IncomingCall call) {
                engine[0].accept(call.media());
            }

            @Override
            public void stateChanged(CallState state) {
                out.println("PEER STATE " + state);
            }

            @Override
            public void safetyCode(String code) {
                out.println("PEER SAFETY " + code);
            }

            @Override
            public void callEnded(String callId, CallEnd how) {
                out.println("PEER ENDED " + how);
                ended.countDown();
            }
        };
        engine[0] = CallEngine.start(signaling, new CallEngineSettings(
                MediaSettings.synthetic(user).withSize(320, 240, 15), AudioMode.HEADLESS, false, downloads),
                listener, events);
        out.println("PEER READY");
        if (!ended.await(60, TimeUnit.SECONDS)) {
            out.println("PEER TIMEOUT");
        }
        out.println("PEER FRAMES " + engine[0].controls().remoteVideo().publishedFrames());
        engine[0].close();
        signaling.close();
        events.shutdown();
        out.println("PEER CLOSED");
        // No System.exit: the JVM must end by itself once every native object is gone.
    }
}
