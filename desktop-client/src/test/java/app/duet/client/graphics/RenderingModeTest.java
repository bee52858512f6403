package app.duet.client.graphics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.duet.client.ClientOptions;
import picocli.CommandLine;

/** --rendering and DUET_RENDERING: the flag wins, any case is taken, anything else is refused by name. */
class RenderingModeTest {

    @Test
    void theFlagWinsOverTheEnvironmentWhichWinsOverAuto() {
        assertThat(parse().rendering(Map.of())).isEqualTo(RenderingMode.AUTO);
        assertThat(parse().rendering(Map.of("DUET_RENDERING", "Software"))).isEqualTo(RenderingMode.SOFTWARE);
        assertThat(parse("--rendering", "HARDWARE").rendering(Map.of("DUET_RENDERING", "software")))
                .isEqualTo(RenderingMode.HARDWARE);
        assertThat(parse("--rendering=auto").rendering(Map.of("DUET_RENDERING", "software")))
                .isEqualTo(RenderingMode.AUTO);
    }

    @Test
    void anUnknownModeIsRefusedWithTheModesThereAre() {
        assertThatThrownBy(() -> parse("--rendering", "fast"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'fast' is not a rendering mode: use auto, software or hardware");
        assertThatThrownBy(() -> parse().rendering(Map.of("DUET_RENDERING", "gpu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'gpu' is not a rendering mode: use auto, software or hardware");
    }

    private static ClientOptions parse(String... args) {
        ClientOptions options = new ClientOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
