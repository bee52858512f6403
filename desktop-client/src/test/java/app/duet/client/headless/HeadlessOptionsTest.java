package app.duet.client.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import app.duet.client.call.CallEnd;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Flag parsing and the call-end to exit-code mapping, without a server or native code. */
class HeadlessOptionsTest {

    private static HeadlessOptions parse(String... args) {
        HeadlessOptions options = new HeadlessOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void defaults_and_modes() {
        HeadlessOptions idle = parse("-s", "ws://h:1", "-u", "ann", "-c", "room");
        assertThat(idle.mode()).isEqualTo(HeadlessOptions.Mode.IDLE);
        assertThat(idle.media).isEqualTo(HeadlessOptions.MediaKind.VIDEO);
        assertThat(idle.width()).isEqualTo(640);
        assertThat(idle.height()).isEqualTo(480);
        assertThat(idle.wait).isEqualTo(Duration.ofSeconds(60));
        assertThat(idle.emailOrDefault()).isEqualTo("ann@example.invalid");
        assertThat(idle.displayNameOrUser()).isEqualTo("ann");
        assertThat(idle.problem(null)).contains("password");
        assertThat(idle.problem("from env")).isNull();

        HeadlessOptions echo = parse("-s", "ws://h:1", "-u", "bot", "-c", "room", "--echo", "-m", "Audio",
                "--size", "320x240", "-d", "90s");
        assertThat(echo.mode()).isEqualTo(HeadlessOptions.Mode.ECHO);
        assertThat(echo.media).isEqualTo(HeadlessOptions.MediaKind.AUDIO);
        assertThat(echo.duration).isEqualTo(Duration.ofSeconds(90));
        assertThat(echo.width()).isEqualTo(320);
    }

    @Test
    void bad_flags_are_refused_with_a_reason() {
        assertThatThrownBy(() -> parse("-s", "ws://h:1", "-u", "a", "-c", "r", "--call", "--answer"))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> parse("-s", "ws://h:1", "-u", "a", "-c", "r", "-m", "hologram"))
                .hasMessageContaining("audio, video, screen");
        assertThatThrownBy(() -> parse("-s", "ws://h:1", "-u", "a", "-c", "r", "-d", "0s"))
                .hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> parse("-s", "ws://h:1", "-u", "a", "-c", "r", "-d", "soon"))
                .hasMessageContaining("not a duration");
        assertThat(parse("-s", "ws://h:1", "-u", "a", "-c", "r", "--size", "641x480").problem("pw"))
                .contains("--size");
        assertThat(parse("-s", "http://h:1", "-u", "a", "-c", "r").problem("pw")).contains("ws://");
        assertThat(parse("-s", "ws://h:1", "-u", "a", "-c", "r", "--fps", "0").problem("pw")).contains("--fps");
    }

    @Test
    void durations_take_short_and_iso_forms() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void call_endings_map_to_distinct_exit_codes() {
        assertThat(ExitCode.afterCall(CallEnd.LOCAL_HANGUP, true, true)).isEqualTo(ExitCode.OK);
        assertThat(ExitCode.afterCall(CallEnd.REMOTE_HANGUP, true, true)).isEqualTo(ExitCode.OK);
        assertThat(ExitCode.afterCall(CallEnd.REMOTE_HANGUP, false, false)).isEqualTo(ExitCode.DECLINED);
        assertThat(ExitCode.afterCall(CallEnd.REMOTE_HANGUP, true, false)).isEqualTo(ExitCode.CALL_FAILED);
        assertThat(ExitCode.afterCall(CallEnd.LOCAL_HANGUP, false, false)).isEqualTo(ExitCode.CALL_FAILED);
        assertThat(ExitCode.afterCall(CallEnd.DECLINED, false, false)).isEqualTo(ExitCode.DECLINED);
        assertThat(ExitCode.afterCall(CallEnd.NO_ANSWER, false, false)).isEqualTo(ExitCode.NO_ANSWER);
        assertThat(ExitCode.afterCall(CallEnd.DISCONNECTED, true, true)).isEqualTo(ExitCode.CALL_LOST);
        assertThat(ExitCode.afterCall(CallEnd.CHANNEL_GONE, true, true)).isEqualTo(ExitCode.CALL_LOST);
        assertThat(ExitCode.afterCall(CallEnd.FAILED, false, false)).isEqualTo(ExitCode.CALL_FAILED);
        assertThat(java.util.Arrays.stream(ExitCode.values()).map(ExitCode::code).distinct().count())
                .isEqualTo(ExitCode.values().length);
    }
}
