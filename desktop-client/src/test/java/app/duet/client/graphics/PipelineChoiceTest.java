package app.duet.client.graphics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The remembered software start, without JavaFX: which starts ask for software and what each leaves behind. */
class PipelineChoiceTest {
    private static final String BUILD = "duet-client.jar 2026-12-07T20:00:00Z";

    @Test
    void aFirstStartLetsJavaFxChoose() {
        assertThat(PipelineChoice.startInSoftware(RenderingMode.AUTO, Optional.empty(), BUILD)).isFalse();
    }

    @Test
    void withoutAGpuEveryTenthStartLetsJavaFxTryAgainAndTheOthersStartInSoftware() {
        List<Integer> tries = starts(25, false);

        assertThat(tries).containsExactly(0, 10, 20);
    }

    @Test
    void aMachineThatGainsAGpuUsesItFromItsNextTryOn() {
        Optional<PipelineMemory> memory = Optional.of(new PipelineMemory(true, PipelineChoice.PROBE_EVERY - 1, BUILD));
        assertThat(PipelineChoice.startInSoftware(RenderingMode.AUTO, memory, BUILD)).isFalse();

        memory = PipelineChoice.afterStart(memory, false, false, BUILD);

        assertThat(memory).contains(new PipelineMemory(false, 0, BUILD));
        assertThat(PipelineChoice.startInSoftware(RenderingMode.AUTO, memory, BUILD)).isFalse();
    }

    @Test
    void anUpdateLetsJavaFxChooseAgain() {
        Optional<PipelineMemory> memory = Optional.of(new PipelineMemory(true, 1, BUILD));

        assertThat(PipelineChoice.startInSoftware(RenderingMode.AUTO, memory, BUILD)).isTrue();
        assertThat(PipelineChoice.startInSoftware(RenderingMode.AUTO, memory, "duet-client.jar 2027-01-02T08:00:00Z"))
                .isFalse();
    }

    @Test
    void softwareAskedForIsAlwaysSoftwareAndDoesNotMakeTheAppForgetItsGpu() {
        Optional<PipelineMemory> gpu = Optional.of(new PipelineMemory(false, 0, BUILD));

        assertThat(PipelineChoice.startInSoftware(RenderingMode.SOFTWARE, gpu, BUILD)).isTrue();
        assertThat(PipelineChoice.afterStart(gpu, true, true, BUILD)).isEqualTo(gpu);
        assertThat(PipelineChoice.afterStart(Optional.empty(), true, true, BUILD)).isEmpty();
    }

    @Test
    void hardwareAskedForAlwaysLetsJavaFxChoose() {
        Optional<PipelineMemory> noGpu = Optional.of(new PipelineMemory(true, 0, BUILD));

        assertThat(PipelineChoice.startInSoftware(RenderingMode.HARDWARE, noGpu, BUILD)).isFalse();
        assertThat(PipelineChoice.afterStart(noGpu, false, true, BUILD)).contains(new PipelineMemory(true, 0, BUILD));
    }

    /** Starts the app {@code count} times in auto mode; the numbers of the starts that let JavaFX choose. */
    private static List<Integer> starts(int count, boolean hasGpu) {
        Optional<PipelineMemory> memory = Optional.empty();
        List<Integer> tries = new ArrayList<>();
        for (int start = 0; start < count; start++) {
            boolean software = PipelineChoice.startInSoftware(RenderingMode.AUTO, memory, BUILD);
            if (!software) {
                tries.add(start);
            }
            memory = PipelineChoice.afterStart(memory, software, software || !hasGpu, BUILD);
        }
        return tries;
    }
}
