package app.duet.client.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeCallControls;
import app.duet.client.ui.fakes.ManualTicker;
import app.duet.protocol.Media;

/** The call screen's state without a screen, a server or libwebrtc: fake controls, a hand-set clock and ticker. */
class CallViewModelTest {
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    private final FakeCallControls controls = new FakeCallControls();
    private final ManualTicker ticker = new ManualTicker();
    private final MutableClock clock = new MutableClock();
    private int logOuts;
    private final CallViewModel.Factory factory = new CallViewModel.Factory(
            new Background(Runnable::run, Runnable::run), clock, ticker, () -> logOuts++);

    @Test
    void theScreenTicksWhileItIsOpenAndNotAfter() {
        CallViewModel vm = factory.create("Ann", "room", Media.VIDEO, controls);
        assertThat(ticker.running()).isEqualTo(1);
        vm.detach();
        assertThat(ticker.running()).isZero();
        assertThat(vm.stateProperty().get()).isEqualTo(CallState.ENDED);
        assertThat(vm.remoteVideoProperty().get()).isNull();
    }

    @Test
    void elapsedTimeCountsFromTheConnectionByTheClock() {
        CallViewModel vm = factory.create("Ann", "room", Media.AUDIO, controls);
        clock.advance(Duration.ofSeconds(30)); // ringing and negotiating do not count
        vm.listener().stateChanged(CallState.CONNECTED);
        clock.advance(Duration.ofSeconds(75));
        ticker.tick();
        assertThat(vm.elapsedProperty().get()).isEqualTo("1:15");
        assertThat(vm.statusText().get()).isNotBlank();
    }

    @Test
    void theSpeakingIndicatorFollowsTheFarSidesLevelUntilTheCallEnds() {
        CallViewModel vm = factory.create("Ann", "room", Media.AUDIO, controls);
        controls.remoteLevel = 0.4;
        ticker.tick();
        assertThat(vm.remoteLevelProperty().get()).isEqualTo(0.4);
        vm.detach();
        ticker.tick(); // a stray beat after the end reads nothing
        assertThat(vm.remoteLevelProperty().get()).isEqualTo(0.4);
    }

    @Test
    void aChatNoticeFadesAfterItsTime() {
        CallViewModel vm = factory.create("Ann", "room", Media.AUDIO, controls);
        vm.listener().chat(new ChatMessage(false, "hello", START));
        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.info("Ann: hello"));
        clock.advance(Duration.ofMillis(CallViewModel.CHAT_NOTICE_MILLIS - 1));
        ticker.tick();
        assertThat(vm.messageProperty().get()).isNotNull();
        clock.advance(Duration.ofMillis(2));
        ticker.tick();
        assertThat(vm.messageProperty().get()).isNull();
        assertThat(vm.chat().messages()).hasSize(1);
    }

    @Test
    void anAudioCallStartsVideoTheFirstTimeTheCameraIsTurnedOn() {
        CallViewModel vm = factory.create("Ann", "room", Media.AUDIO, controls);
        assertThat(vm.own().cameraOnProperty().get()).isFalse();
        vm.own().toggleCamera();
        vm.own().toggleCamera();
        vm.own().toggleCamera();
        assertThat(controls.commands).containsExactly("start video", "camera on", "camera off", "camera on");
        vm.own().toggleMic();
        assertThat(vm.own().micOnProperty().get()).isFalse();
        assertThat(vm.own().micText().get()).startsWith("Microphone muted");
        assertThat(controls.commands).endsWith("microphone muted");
    }

    @Test
    void holdingTheTalkKeyWhileMutedUnmutesUntilItIsReleased() {
        CallViewModel vm = factory.create("Ann", "room", Media.AUDIO, controls);
        assertThat(vm.own().talkPressed()).as("the microphone is on: Space presses buttons").isFalse();
        vm.own().toggleMic();
        controls.commands.clear();

        assertThat(vm.own().talkPressed()).isTrue();
        assertThat(vm.own().talkPressed()).as("a held key repeats").isTrue();
        assertThat(vm.own().talkingProperty().get()).isTrue();
        assertThat(vm.own().micOnProperty().get()).as("still muted: live only while held").isFalse();
        assertThat(vm.own().micText().get()).isEqualTo("Talking — release Space to mute again");
        assertThat(vm.own().talkReleased()).isTrue();
        assertThat(vm.own().talkReleased()).as("a second release is nobody's").isFalse();
        assertThat(controls.commands).containsExactly("microphone on", "microphone muted");
        assertThat(vm.own().micText().get()).isEqualTo("Microphone muted — press to unmute, or hold Space to talk");
    }

    @Test
    void unmutingWhileHoldingTheTalkKeyKeepsTheMicrophoneOnAfterTheKeyComesUp() {
        CallViewModel vm = factory.create("Ann", "room", Media.AUDIO, controls);
        vm.own().toggleMic();
        vm.own().talkPressed();
        vm.own().toggleMic();
        assertThat(vm.own().talkReleased()).isFalse();
        assertThat(vm.own().micOnProperty().get()).isTrue();
        assertThat(vm.own().talkingProperty().get()).isFalse();
        assertThat(controls.commands).containsExactly("microphone muted", "microphone on");
    }

    @Test
    void sharingIsShownOnlyOnceTheScreenIsCapturedAndAFailureIsExplained() {
        CallViewModel vm = factory.create("Ann", "room", Media.VIDEO, controls);
        DisplayInfo screen = new DisplayInfo("0", "Screen 1", 0, 0, 1280, 720, true);
        vm.own().shareScreen(screen);
        assertThat(vm.own().sharingProperty().get()).isFalse();
        controls.screenShare.completeExceptionally(new IllegalStateException("no X display"));
        assertThat(vm.own().sharingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get().kind()).isEqualTo(UserMessage.Kind.ERROR);
        assertThat(vm.messageProperty().get().text()).contains("no X display");
    }

    @Test
    void reconnectingWarnsAndConnectingAgainClearsTheWarning() {
        CallViewModel vm = factory.create("Ann", "room", Media.VIDEO, controls);
        vm.listener().stateChanged(CallState.RECONNECTING);
        assertThat(vm.messageProperty().get().kind()).isEqualTo(UserMessage.Kind.WARNING);
        vm.listener().stateChanged(CallState.CONNECTED);
        assertThat(vm.messageProperty().get()).isNull();
    }

    @Test
    void hangingUpAndLoggingOutGoThroughTheControls() {
        CallViewModel vm = factory.create("Ann", "room", Media.VIDEO, controls);
        vm.chat().send("   ");
        vm.hangUp();
        vm.logOut();
        assertThat(controls.commands).containsExactly("hangup", "hangup");
        assertThat(logOuts).isEqualTo(1);
    }

    @Test
    void aFileOfferOpensTheChatAndWaitsThereForAnAnswer() {
        CallViewModel vm = factory.create("Ann", "room", Media.VIDEO, controls);
        CallChatModel chat = vm.chat();
        FileTransferUpdate offer = new FileTransferUpdate("t-7", FileTransferUpdate.Direction.INCOMING, "notes.txt",
                0, 1200, FileTransferUpdate.Status.OFFERED, null, null);
        vm.listener().fileTransfer(offer);
        assertThat(chat.visibleProperty().get()).isTrue();
        assertThat(chat.fileOffers()).containsExactly(offer);
        chat.acceptFile(offer);
        assertThat(chat.fileOffers()).isEmpty();
        assertThat(controls.commands).containsExactly("accept t-7");
        FileTransferUpdate done = new FileTransferUpdate("t-7", FileTransferUpdate.Direction.INCOMING, "notes.txt",
                1200, 1200, FileTransferUpdate.Status.COMPLETED, null, null);
        vm.listener().fileTransfer(done);
        assertThat(chat.transfers()).containsExactly(done);
    }

    @Test
    void chatAndFilesWaitForTheDataChannel() {
        CallViewModel vm = factory.create("Ann", "room", Media.VIDEO, controls);
        assertThat(vm.chat().openProperty().get()).isFalse();
        vm.listener().dataChannel(true);
        assertThat(vm.chat().openProperty().get()).isTrue();
        vm.chat().send(" hi ");
        controls.chatSent.completeExceptionally(new IllegalStateException("The message could not be sent"));
        assertThat(controls.commands).containsExactly("chat hi");
        assertThat(vm.messageProperty().get().text()).isEqualTo("The message could not be sent");
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = START;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
